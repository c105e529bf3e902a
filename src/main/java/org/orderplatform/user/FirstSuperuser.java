package org.orderplatform.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.platform.db.SchemaReady;

/**
 * Creates the superuser named by {@code FIRST_SUPERUSER_EMAIL}, with {@code FIRST_SUPERUSER_PASSWORD}, once the
 * schema is ready - only while there is no superuser at all. Once one exists it is never re-created: an
 * administrator deleted on purpose does not come back with the published password at the next start.
 */
@ApplicationScoped
public class FirstSuperuser {

    public static final String DEFAULT_EMAIL = "admin@example.com";
    public static final String DEFAULT_PASSWORD = "changethis";

    @Inject
    UserChanges changes;

    @Inject
    Superusers superusers;

    @Inject
    PasswordHasher hasher;

    @Inject
    Logger log;

    @Inject
    @ConfigProperty(name = "FIRST_SUPERUSER_EMAIL", defaultValue = DEFAULT_EMAIL)
    String email;

    @Inject
    @ConfigProperty(name = "FIRST_SUPERUSER_PASSWORD", defaultValue = DEFAULT_PASSWORD)
    String password;

    void ensure(@Observes SchemaReady ready) {
        if (superusers.anyExists()) {
            return;
        }
        String hash = hasher.hash(password); // outside the transaction, which checks again under the lock
        changes.createFirstSuperuser(email, hash)
                .ifPresent(admin -> log.info("Created the first superuser " + admin.email()));
    }
}
