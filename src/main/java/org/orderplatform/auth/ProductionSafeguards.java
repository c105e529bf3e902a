package org.orderplatform.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.user.FirstSuperuser;

/**
 * Outside development ({@code APP_ENV} is anything but {@code development}; the local dev services set it),
 * the application refuses to start with a published default secret (the first superuser's password, the database
 * password). The JWT key has no default at all: {@link SigningKey} refuses to start without one everywhere.
 */
@ApplicationScoped
public class ProductionSafeguards {

    static final String DEVELOPMENT = "development";
    /** The dev default of DB_PASSWORD in server.xml. */
    static final String DEFAULT_DB_PASSWORD = "orderplatform";

    @Inject
    @ConfigProperty(name = "APP_ENV")
    String environment;

    @Inject
    @ConfigProperty(name = "FIRST_SUPERUSER_PASSWORD", defaultValue = FirstSuperuser.DEFAULT_PASSWORD)
    String firstSuperuserPassword;

    @Inject
    @ConfigProperty(name = "DB_PASSWORD", defaultValue = DEFAULT_DB_PASSWORD)
    String databasePassword;

    /** Before anything else starts (migrations, the first superuser): nothing may be written with a default. */
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) {
        if (DEVELOPMENT.equals(environment)) {
            return;
        }
        refuseDefault("FIRST_SUPERUSER_PASSWORD", firstSuperuserPassword, FirstSuperuser.DEFAULT_PASSWORD);
        refuseDefault("DB_PASSWORD", databasePassword, DEFAULT_DB_PASSWORD);
    }

    private void refuseDefault(String variable, String value, String published) {
        if (published.equals(value)) {
            throw new IllegalStateException(variable + " is the published default; set a secret one (APP_ENV="
                    + environment + ")");
        }
    }
}
