package org.orderplatform.browser;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.orderplatform.testsupport.NginxProxy;

/**
 * The customer journeys through Debian's real nginx running webapp/nginx.conf in front of the test server, as the
 * containers serve the app: static files from nginx, /api proxied, live status streams passed through unbuffered.
 */
class UserJourneyThroughNginxIT extends UserJourneys {

    private static NginxProxy nginx;

    @BeforeAll
    static void startNginx() {
        nginx = NginxProxy.start();
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Override
    URI base() {
        return nginx.baseUri();
    }

    @Override
    String suite() {
        return "nginx";
    }
}
