package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Outside development ({@code APP_ENV} is anything but {@code development}; the local dev services set it),
 * the application refuses to start with a published default secret.
 */
@ApplicationScoped
public class ProductionSafeguards {

    static final String DEVELOPMENT = "development";

    @Inject
    @ConfigProperty(name = "APP_ENV", defaultValue = "production")
    String environment;

    @Inject
    @ConfigProperty(name = "FIRST_SUPERUSER_PASSWORD", defaultValue = FirstSuperuser.DEFAULT_PASSWORD)
    String firstSuperuserPassword;

    void check(@Observes Startup startup) {
        if (!DEVELOPMENT.equals(environment) && FirstSuperuser.DEFAULT_PASSWORD.equals(firstSuperuserPassword)) {
            throw new IllegalStateException("FIRST_SUPERUSER_PASSWORD is the published default '"
                    + FirstSuperuser.DEFAULT_PASSWORD + "'; set a secret one (APP_ENV=" + environment + ")");
        }
    }
}
