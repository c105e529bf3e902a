package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderplatform.platform.db.PostgresTimestamps;

/** Orders in PostgreSQL. A list page costs a bounded number of queries: count, page, and all its lines at once. */
@ApplicationScoped
public class OrderRepository {

    @PersistenceContext(unitName = "orderPlatform")
    EntityManager em;

    public Optional<Order> find(UUID id) {
        return Optional.ofNullable(em.find(Order.class, id));
    }

    /**
     * Locks the owner's user row. Every transaction that changes orders takes it before any order row - as
     * deleting a user does - so the two can never deadlock.
     */
    public void lockOwner(long ownerId) {
        em.createNativeQuery("SELECT id FROM users WHERE id = ? FOR NO KEY UPDATE")
                .setParameter(1, ownerId)
                .getResultList();
    }

    /**
     * The order, locked until the end of the transaction after its owner's row ({@link #lockOwner}): the one order
     * in which the API's changes, processing and a user's deletion lock, so that none of them deadlocks another.
     * Empty if the order no longer exists.
     */
    public Optional<Order> lockAfterOwner(UUID id) {
        em.createQuery("SELECT o.ownerId FROM Order o WHERE o.id = :id", Long.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .ifPresent(this::lockOwner);
        return Optional.ofNullable(em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(Order order) {
        em.persist(order);
    }

    /** Writes pending changes now (the order's version moves on). */
    public void flush() {
        em.flush();
    }

    public void remove(Order order) {
        em.remove(order);
    }

    public List<Order> page(OrderQuery query) {
        TypedQuery<Order> select = em.createQuery("SELECT o FROM Order o WHERE " + where(query)
                        + " ORDER BY " + query.sort().jpql(), Order.class)
                .setFirstResult(query.paging().offset())
                .setMaxResults(query.paging().size())
                // all lines of the page in one IN query, not one query per order
                .setHint("eclipselink.batch", "o.lines")
                .setHint("eclipselink.batch.type", "IN");
        bind(select, query);
        List<Order> orders = select.getResultList();
        orders.forEach(order -> order.lines().size());
        return orders;
    }

    public long count(OrderQuery query) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(o) FROM Order o WHERE " + where(query), Long.class);
        bind(count, query);
        return count.getSingleResult();
    }

    /** The owner's current order version (a database trigger changes it with any of their orders); empty for
     *  an unknown user. */
    public Optional<Long> ordersVersion(long ownerId) {
        List<?> version = em.createNativeQuery("SELECT orders_version FROM users WHERE id = ?")
                .setParameter(1, ownerId)
                .getResultList();
        return version.stream().findFirst().map(value -> ((Number) value).longValue());
    }

    /** Claims an idempotency key for a request; false if the owner used it before. */
    public boolean claimIdempotencyKey(long ownerId, String key, String requestHash) {
        return em.createNativeQuery("INSERT INTO order_idempotency_keys (owner_id, key, request_hash) "
                        + "VALUES (?, ?, ?) ON CONFLICT (owner_id, key) DO NOTHING")
                .setParameter(1, ownerId).setParameter(2, key).setParameter(3, requestHash)
                .executeUpdate() == 1;
    }

    public void recordIdempotentOrder(long ownerId, String key, UUID orderId) {
        em.createNativeQuery("UPDATE order_idempotency_keys SET order_id = ? WHERE owner_id = ? AND key = ?")
                .setParameter(1, orderId).setParameter(2, ownerId).setParameter(3, key)
                .executeUpdate();
    }

    public int deleteIdempotencyKeysOlderThan(Duration age) {
        return em.createNativeQuery("DELETE FROM order_idempotency_keys WHERE created_at < now() "
                + "- make_interval(secs => ?)").setParameter(1, (double) age.toSeconds()).executeUpdate();
    }

    /** The request hash and order an earlier request with this key produced. */
    public Optional<IdempotentRequest> idempotentRequest(long ownerId, String key) {
        List<?> rows = em.createNativeQuery("SELECT request_hash, order_id FROM order_idempotency_keys "
                        + "WHERE owner_id = ? AND key = ?")
                .setParameter(1, ownerId).setParameter(2, key)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new IdempotentRequest(columns[0].toString().trim(),
                    columns[1] == null ? null : UUID.fromString(columns[1].toString()));
        });
    }

    /** The statuses the order took, oldest first (recorded by a database trigger). */
    @SuppressWarnings("unchecked")
    public List<OrderHistoryEntry> history(UUID id) {
        List<Object[]> rows = em.createNativeQuery("SELECT from_status, to_status, reason, changed_at "
                + "FROM order_status_history WHERE order_id = ? ORDER BY id").setParameter(1, id).getResultList();
        return rows.stream().map(row -> new OrderHistoryEntry(
                row[0] == null ? null : OrderStatus.valueOf(row[0].toString()), OrderStatus.valueOf(row[1].toString()),
                (String) row[2], PostgresTimestamps.fromColumn(row[3])))
                .toList();
    }

    public record IdempotentRequest(String requestHash, UUID orderId) {
    }

    private static String where(OrderQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        query.ownerId().ifPresent(owner -> where.append(" AND o.ownerId = :owner"));
        query.status().ifPresent(status -> where.append(" AND o.status = :status"));
        query.asOf().ifPresent(asOf -> where.append(" AND o.createdAt <= :asOf"));
        return where.toString();
    }

    private static void bind(TypedQuery<?> select, OrderQuery query) {
        query.ownerId().ifPresent(owner -> select.setParameter("owner", owner));
        query.status().ifPresent(status -> select.setParameter("status", status));
        query.asOf().ifPresent(asOf -> select.setParameter("asOf", asOf));
    }
}
