package org.orderplatform.platform.db;

/** Fired once the schema migrations have been applied: from here on the database may be used. */
public record SchemaReady() {
}
