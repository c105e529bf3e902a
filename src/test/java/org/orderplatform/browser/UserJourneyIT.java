package org.orderplatform.browser;

import java.net.URI;
import org.orderplatform.testsupport.Api;

/** The customer journeys against the app as Liberty serves it (the one-command local run). */
class UserJourneyIT extends UserJourneys {

    @Override
    URI base() {
        return Api.BASE;
    }

    @Override
    String suite() {
        return "liberty";
    }
}
