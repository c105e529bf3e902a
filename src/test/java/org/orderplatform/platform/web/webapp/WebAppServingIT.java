package org.orderplatform.platform.web.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Api.get;
import static org.orderplatform.testsupport.Api.request;
import static org.orderplatform.testsupport.Api.send;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderplatform.platform.web.SecurityHeadersFilter;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.WebAssets;

/**
 * The web app as Liberty serves it (WebAppFilter): index.html for the SPA's deep links, fingerprinted files, and
 * the caching of each. The test server runs as the local run does (APP_ENV=development: fingerprinted files are
 * revalidated); a replica in production mode shows their year-long caching.
 */
class WebAppServingIT {

    static final String ORDER = "/orders/" + UUID.randomUUID();
    static final List<String> INDEX_PAGES = List.of("/", "/index.html", "/login", "/signup", "/profile", "/orders",
            "/orders/new", ORDER, ORDER + "/edit", "/admin", "/admin/users", "/admin/queue", "/admin/jobs",
            "/admin/report");
    static final String JAVASCRIPT = "(text|application)/javascript(;.*)?";

    @Test
    void shouldAnswerEveryDeepLinkWithTheIndexPageRevalidatedOnEveryUse() {
        for (String path : INDEX_PAGES) {
            assertIndexPage(get(path), path);
        }
    }

    @Test
    void shouldAnswerHeadOfADeepLinkWithTheHeadersOfTheIndexPage() {
        HttpResponse<String> head = send(request(ORDER).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(head.headers().firstValue("Cache-Control")).contains(WebAppFilter.REVALIDATE);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void shouldServeAFingerprintedScriptAsJavaScriptAndRevalidateItInDevelopment() {
        WebAssets.Script script = WebAssets.fingerprintedScript();

        HttpResponse<String> response = get(script.fingerprintedPath());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().matches(JAVASCRIPT);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).contains(WebAppFilter.REVALIDATE);
        assertThat(response.body()).isEqualTo(script.content());
    }

    @Test
    void shouldRevalidateUnversionedFiles() {
        WebAssets.Script script = WebAssets.fingerprintedScript();

        HttpResponse<String> response = get(script.unversionedPath());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains(WebAppFilter.REVALIDATE);
    }

    @Test
    void shouldCacheFingerprintedFilesForAYearOutsideDevelopment() {
        WebAssets.Script script = WebAssets.fingerprintedScript();
        // The test PostgreSQL accepts local connections whatever the password; production mode only refuses to
        // start with the published default one.
        ExtraServer production = ExtraServer.start("productionWebApp", Map.of("APP_ENV", "production",
                "APP_ROLE", "api", "DB_PASSWORD", "not-the-published-default"));
        try {
            URI base = production.base();

            HttpResponse<String> fingerprinted = Api.send(Api.request(base, script.fingerprintedPath()).GET());

            assertThat(fingerprinted.statusCode()).isEqualTo(200);
            assertThat(fingerprinted.headers().firstValue("Cache-Control")).contains(WebAppFilter.IMMUTABLE);
            assertThat(fingerprinted.body()).isEqualTo(script.content());
            for (String path : List.of(script.unversionedPath(), ORDER, "/")) {
                assertThat(Api.send(Api.request(base, path).GET()).headers().firstValue("Cache-Control")).as(path)
                        .contains(WebAppFilter.REVALIDATE);
            }
            String missing = "/assets/0123456789ab/no-such-file.js";
            HttpResponse<String> notFound = Api.send(Api.request(base, missing).GET());
            assertProblem(notFound, 404, missing);
            assertThat(notFound.headers().firstValue("Cache-Control")).contains("no-store");
        } finally {
            production.stop();
        }
    }

    @Test
    void shouldAnswerUnknownPathsWith404ProblemsThatAreNeverCached() {
        for (String path : List.of("/nope", "/api/nope", "/orders/", "/admin/", "/ordersx", "/assets/",
                "/assets/0123456789ab/no-such-file.js", "/assets/0123456789AB/app.js", "/nginx.conf", "/Dockerfile",
                "/.dockerignore")) {
            HttpResponse<String> response = get(path);

            assertProblem(response, 404, path);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-store");
        }
    }

    @Test
    void shouldRefuseToPostToADeepLink() {
        HttpResponse<String> response = send(request("/orders/new").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 405, "/orders/new");
        assertThat(response.headers().firstValue("Allow")).contains(StaticContentMethodFilter.ALLOW);
    }

    static void assertIndexPage(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).get().asString().startsWith("text/html");
        assertThat(response.headers().firstValue("Cache-Control")).as(path).contains(WebAppFilter.REVALIDATE);
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                .contains(SecurityHeadersFilter.WEB_APP_POLICY);
        assertThat(response.body()).as(path).isEqualTo(WebAssets.indexHtml());
    }
}
