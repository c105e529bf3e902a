package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.platform.db.SchemaReady;
import org.orderplatform.user.User;
import org.orderplatform.user.UserRepository;

/**
 * Makes sure the superuser named by {@code FIRST_SUPERUSER_EMAIL} exists once the schema is ready, with
 * {@code FIRST_SUPERUSER_PASSWORD}. An existing account is left as it is (its password may have been changed).
 */
@ApplicationScoped
public class FirstSuperuser {

    public static final String DEFAULT_EMAIL = "admin@example.com";
    public static final String DEFAULT_PASSWORD = "changethis";

    @Inject
    UserRepository users;

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

    @Transactional
    void ensure(@Observes SchemaReady ready) {
        try {
            if (users.findByEmail(email).isEmpty()) {
                User admin = new User(email.trim(), "Administrator", hasher.hash(password));
                admin.setSuperuser(true);
                users.add(admin);
                log.info("Created the first superuser " + email);
            }
        } catch (RuntimeException e) {
            log.log(Level.SEVERE, "Could not create the first superuser " + email, e);
        }
    }
}
