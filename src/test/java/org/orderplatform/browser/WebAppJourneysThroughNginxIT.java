package org.orderplatform.browser;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.orderplatform.testsupport.NginxProxy;

/**
 * The web app's journeys through Debian's real nginx running webapp/nginx.conf in front of the test server, as the
 * containers serve it: static files from nginx, /api proxied, live status streams passed through unbuffered.
 */
class WebAppJourneysThroughNginxIT {

    static final String SUITE = "nginx";
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

    @Nested
    class Customer extends UserJourneys {

        @Override
        URI base() {
            return nginx.baseUri();
        }

        @Override
        String suite() {
            return SUITE;
        }
    }

    @Nested
    class Superuser extends AdminJourneys {

        @Override
        URI base() {
            return nginx.baseUri();
        }

        @Override
        String suite() {
            return SUITE;
        }
    }
}
