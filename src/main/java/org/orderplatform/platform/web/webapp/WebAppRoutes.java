package org.orderplatform.platform.web.webapp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web app's URL scheme, which webapp/nginx.conf implements too. {@code index.html} names its files with a
 * content fingerprint, {@code /assets/<12 hex>/app.js}, so that a new release is new URLs and a file can be cached
 * for ever; the files themselves live unversioned under {@code /assets/}. The SPA routes its own deep links
 * (history API): a reload or a shared link of one must get {@code index.html}, not a 404.
 */
final class WebAppRoutes {

    static final String INDEX = "/index.html";

    /**
     * Only plain file names below the fingerprint (no empty, dot or dot-dot segment): the forward target is built
     * from them, and must stay under /assets/.
     */
    private static final Pattern FINGERPRINTED = Pattern.compile(
            "/assets/[0-9a-f]{12}((?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)+)");
    private static final Pattern INDEX_PAGE = Pattern.compile(
            "/|/index\\.html|/login|/signup|/profile|/orders(/.+)?|/admin(/.+)?");

    /**
     * Files in webapp/ that are not the app's: the WAR leaves them out (pom.xml), but a loose deployment - liberty:run
     * and the test server - serves webapp/ as it is on disk.
     */
    private static final Pattern DEPLOYMENT_FILES = Pattern.compile(
            "/Dockerfile|/\\.dockerignore|/nginx\\.conf|/[^/]*\\.md");

    private WebAppRoutes() {
    }

    static boolean isDeploymentFile(String path) {
        return DEPLOYMENT_FILES.matcher(path).matches();
    }

    /** {@code /}, {@code /index.html} or a deep link of the SPA: answered with index.html. */
    static boolean isIndexPage(String path) {
        return INDEX_PAGE.matcher(path).matches();
    }

    /** The file a fingerprinted path names ({@code /assets/0123456789ab/views/x.js} - {@code /assets/views/x.js}). */
    static Optional<String> fileOfFingerprinted(String path) {
        Matcher fingerprinted = FINGERPRINTED.matcher(path);
        return fingerprinted.matches() ? Optional.of("/assets" + fingerprinted.group(1)) : Optional.empty();
    }
}
