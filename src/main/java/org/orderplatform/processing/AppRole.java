package org.orderplatform.processing;

import java.util.Locale;

/**
 * What one replica does ({@code APP_ROLE}): {@code api} serves HTTP and relays the outbox to the queue;
 * {@code worker} processes jobs (and still answers health and metrics); {@code all} does both. One image, scaled
 * per role.
 */
public enum AppRole {
    API, WORKER, ALL;

    public static AppRole parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("APP_ROLE must be api, worker or all, not '" + value + "'", e);
        }
    }

    public boolean relays() {
        return this != WORKER;
    }

    public boolean works() {
        return this != API;
    }
}
