--liquibase formatted sql

--changeset order-platform:003-orders splitStatements:false
--comment: Orders and their lines. Money is NUMERIC, never floating point. A trigger bumps users.orders_version in
--comment: the same transaction as any change to the user's orders, whoever makes it (API, worker, SQL), so cached
--comment: order lists keyed by it can never be stale.
CREATE TABLE orders (
    id            UUID          PRIMARY KEY,
    owner_id      BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    currency      CHAR(3)       NOT NULL,
    notes         VARCHAR(2000),
    status        VARCHAR(20)   NOT NULL,
    status_reason VARCHAR(500),
    total         NUMERIC(21, 2) NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT orders_status_known CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    CONSTRAINT orders_total_not_negative CHECK (total >= 0)
);
CREATE INDEX orders_owner_created_idx ON orders (owner_id, created_at DESC, id DESC);
CREATE INDEX orders_owner_status_created_idx ON orders (owner_id, status, created_at DESC, id DESC);
-- superusers' lists across all owners
CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC);
CREATE INDEX orders_status_created_idx ON orders (status, created_at DESC, id DESC);

CREATE TABLE order_lines (
    order_id   UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no    INTEGER        NOT NULL,
    sku        VARCHAR(64)    NOT NULL,
    name       VARCHAR(200)   NOT NULL,
    quantity   INTEGER        NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    unit_price NUMERIC(12, 2) NOT NULL CHECK (unit_price >= 0),
    line_total NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_idempotency_keys (
    owner_id     BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key          VARCHAR(255) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    order_id     UUID,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, key)
);

ALTER TABLE users ADD COLUMN orders_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION bump_orders_version() RETURNS trigger AS $$
BEGIN
    UPDATE users SET orders_version = orders_version + 1
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.owner_id ELSE NEW.owner_id END;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER orders_bump_owner_version
    AFTER INSERT OR UPDATE OR DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION bump_orders_version();
--rollback DROP TRIGGER orders_bump_owner_version ON orders; DROP FUNCTION bump_orders_version();
--rollback DROP TABLE order_idempotency_keys; DROP TABLE order_lines; DROP TABLE orders; ALTER TABLE users DROP COLUMN orders_version;
