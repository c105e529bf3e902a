package org.orderplatform.order;

/** Where an order is in its life. Only a PENDING order can still be changed or cancelled by its owner. */
public enum OrderStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED;

    boolean isEditable() {
        return this == PENDING;
    }

    boolean isDeletable() {
        return this != PROCESSING;
    }
}
