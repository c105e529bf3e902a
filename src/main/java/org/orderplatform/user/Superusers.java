package org.orderplatform.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps at least one active superuser. Changes that could take away the last one - demoting, deactivating or deleting
 * a superuser, creating the first one - run one at a time across all replicas (a PostgreSQL advisory lock held until
 * the transaction ends), so two superusers demoting each other at once cannot both succeed.
 */
@ApplicationScoped
public class Superusers {

    /** The advisory lock's key: any number no other part of the platform uses. */
    static final long CHANGES_LOCK = 0x5355_5045_5255_5345L;

    @PersistenceContext(unitName = "orderPlatform")
    EntityManager em;

    /** Waits for, and holds until the transaction ends, the right to change who is a superuser. */
    public void lockChanges() {
        em.createNativeQuery("SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                .setParameter(1, CHANGES_LOCK)
                .getSingleResult();
    }

    public boolean anyExists() {
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.superuser = true", Long.class)
                .getSingleResult() > 0;
    }

    /** 409 unless an active superuser other than {@code leaving} remains; call with {@link #lockChanges} held. */
    public void ensureAnotherBesides(User leaving) {
        long others = em.createQuery("SELECT COUNT(u) FROM User u WHERE u.superuser = true AND u.active = true "
                        + "AND u.id <> :id", Long.class)
                .setParameter("id", leaving.id())
                .getSingleResult();
        if (others == 0) {
            throw UserProblem.LAST_SUPERUSER.exception(
                    "This is the only active superuser; promote or activate another one first");
        }
    }
}
