package org.orderplatform.order;

/** Who is asking: their user id, and whether they are a superuser (who may see and act on every order). */
public record Caller(long userId, boolean superuser) {

    boolean mayAccess(Order order) {
        return superuser || order.ownerId() == userId;
    }
}
