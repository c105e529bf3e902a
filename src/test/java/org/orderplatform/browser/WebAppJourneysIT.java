package org.orderplatform.browser;

import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.orderplatform.testsupport.Api;

/** The web app's journeys as Liberty serves it in the one-command local run. */
class WebAppJourneysIT {

    static final String SUITE = "liberty";

    @Nested
    class Customer extends UserJourneys {

        @Override
        URI base() {
            return Api.BASE;
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
            return Api.BASE;
        }

        @Override
        String suite() {
            return SUITE;
        }
    }
}
