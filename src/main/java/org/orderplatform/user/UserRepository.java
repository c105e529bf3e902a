package org.orderplatform.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.orderplatform.platform.web.paging.Paging;

/** Users in PostgreSQL. Emails compare by {@link EmailAddresses#key} (unique). */
@ApplicationScoped
public class UserRepository {

    @PersistenceContext(unitName = "orderPlatform")
    EntityManager em;

    public Optional<User> findById(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /**
     * The user, locked until the transaction ends. Every change of a user's rights and every token issued for them
     * takes this lock first (before any of their sessions), so a token is issued either before a change - and
     * revoked by it - or after it, with the new rights.
     */
    public Optional<User> lock(long id) {
        return Optional.ofNullable(em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<User> findByEmail(String email) {
        return em.createQuery("SELECT u FROM User u WHERE u.emailKey = :key", User.class)
                .setParameter("key", EmailAddresses.key(email))
                .getResultStream()
                .findFirst();
    }

    public boolean existsByEmail(String email) {
        return findByEmail(email).isPresent();
    }

    /** A page of users whose email or name contains {@code query} (any case), oldest first. */
    public List<User> page(String query, Paging paging) {
        return em.createQuery("SELECT u FROM User u WHERE " + MATCHES + " ORDER BY u.id", User.class)
                .setParameter("q", pattern(query))
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
    }

    public long countMatching(String query) {
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE " + MATCHES, Long.class)
                .setParameter("q", pattern(query))
                .getSingleResult();
    }

    public User add(User user) {
        em.persist(user);
        em.flush(); // assigns the id and surfaces a duplicate email now, inside the caller's transaction
        return user;
    }

    public void remove(User user) {
        em.remove(user);
    }

    public void flush() {
        em.flush();
    }

    /** Compare-and-set of the password hash; false when it was changed meanwhile. */
    public boolean replacePasswordHash(long id, String expectedHash, String newHash) {
        return em.createQuery("UPDATE User u SET u.passwordHash = :new, u.version = u.version + 1 "
                        + "WHERE u.id = :id AND u.passwordHash = :expected")
                .setParameter("new", newHash)
                .setParameter("id", id)
                .setParameter("expected", expectedHash)
                .executeUpdate() == 1;
    }

    private static final String MATCHES = "(LOWER(u.email) LIKE :q ESCAPE '!' OR LOWER(u.fullName) LIKE :q ESCAPE '!')";

    /** The search text as a LIKE pattern; its own % and _ match literally. */
    private static String pattern(String query) {
        String text = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
