package org.orderplatform.platform.web.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebAppRoutesTest {

    @Test
    void shouldAnswerTheSpaDeepLinksWithTheIndexPage() {
        for (String path : new String[] {"/", "/index.html", "/login", "/signup", "/profile", "/orders",
            "/orders/new", "/orders/6f1c2a9e-8d3b-4c55-9a0e-2b7f1d3c4e5a", "/orders/6f1c2a9e/edit", "/admin",
            "/admin/users", "/admin/queue", "/admin/jobs", "/admin/report"}) {
            assertThat(WebAppRoutes.isIndexPage(path)).as(path).isTrue();
        }
    }

    @Test
    void shouldLeaveOtherPathsToTheFilesOrA404() {
        for (String path : new String[] {"/nope", "/login/x", "/orders/", "/admin/", "/ordersx", "/administrator",
            "/profile/x", "/index.htm", "/assets/app.js", "/app.js", "/api/orders", ""}) {
            assertThat(WebAppRoutes.isIndexPage(path)).as(path).isFalse();
        }
    }

    @Test
    void shouldTellTheFilesOfTheDeploymentFromTheApps() {
        for (String path : new String[] {"/Dockerfile", "/.dockerignore", "/nginx.conf", "/README.md"}) {
            assertThat(WebAppRoutes.isDeploymentFile(path)).as(path).isTrue();
        }
        for (String path : new String[] {"/index.html", "/assets/app.js", "/assets/nginx.conf.js", "/app.js"}) {
            assertThat(WebAppRoutes.isDeploymentFile(path)).as(path).isFalse();
        }
    }

    @Test
    void shouldMapAFingerprintedPathToItsFile() {
        assertThat(WebAppRoutes.fileOfFingerprinted("/assets/0123456789ab/app.js")).contains("/assets/app.js");
        assertThat(WebAppRoutes.fileOfFingerprinted("/assets/abcdef012345/views/orders.js"))
                .contains("/assets/views/orders.js");
        assertThat(WebAppRoutes.fileOfFingerprinted("/assets/abcdef012345/styles.min.css"))
                .contains("/assets/styles.min.css");
    }

    @Test
    void shouldNotTakeAnythingButTwelveLowercaseHexDigitsAndPlainFileNamesAsFingerprinted() {
        for (String path : new String[] {"/assets/app.js", "/assets/0123456789a/app.js", "/assets/0123456789abc/app.js",
            "/assets/0123456789AB/app.js", "/assets/0123456789ag/app.js", "/assets/0123456789ab/",
            "/assets/0123456789ab", "/assets/0123456789ab/../WEB-INF/web.xml", "/assets/0123456789ab/.hidden",
            "/assets/0123456789ab//app.js", "/assets/0123456789ab/views/", "/x/assets/0123456789ab/app.js"}) {
            assertThat(WebAppRoutes.fileOfFingerprinted(path)).as(path).isEmpty();
        }
    }
}
