--liquibase formatted sql

--changeset order-platform:004-order-processing splitStatements:false
--comment: Order processing. order_jobs is the outbox and the durable record of every processing job: a row is
--comment: inserted in the same transaction as its order; published_at is NULL until the relay has put the job id on
--comment: the Redis queue. state OPEN -> DONE, or DEAD (the dead-letter set) after the last failed attempt. A worker
--comment: claims a job (claimed_by/claimed_until) while it works on it, so a duplicate delivery of a job that is
--comment: being worked on waits instead of running twice; deliveries counts the claims.
CREATE TABLE order_jobs (
    id           BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     UUID         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    state        VARCHAR(10)  NOT NULL DEFAULT 'OPEN',
    attempts     INTEGER      NOT NULL DEFAULT 0,
    deliveries   INTEGER      NOT NULL DEFAULT 0,
    claimed_by    VARCHAR(100),
    claimed_until TIMESTAMPTZ,
    last_error   VARCHAR(500),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    CONSTRAINT order_jobs_state_known CHECK (state IN ('OPEN', 'DONE', 'DEAD'))
);
-- the relay's work: committed, unpublished, open jobs in order
CREATE INDEX order_jobs_outbox_idx ON order_jobs (id) WHERE published_at IS NULL AND state = 'OPEN';
CREATE INDEX order_jobs_order_idx ON order_jobs (order_id);
-- reconciliation's search for stuck jobs
CREATE INDEX order_jobs_open_published_idx ON order_jobs (published_at) WHERE state = 'OPEN';
CREATE INDEX order_jobs_dead_idx ON order_jobs (finished_at DESC, id DESC) WHERE state = 'DEAD';

-- orders placed before processing existed are processed too
INSERT INTO order_jobs (order_id) SELECT id FROM orders WHERE status = 'PENDING';

--comment: Every status an order takes, written by a trigger so that no writer can change a status unrecorded.
CREATE TABLE order_status_history (
    id          BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    UUID         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status VARCHAR(20),
    to_status   VARCHAR(20)  NOT NULL,
    reason      VARCHAR(500),
    changed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, id);

CREATE FUNCTION record_order_status() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO order_status_history (order_id, from_status, to_status, reason, changed_at)
        VALUES (NEW.id, NULL, NEW.status, NEW.status_reason, NEW.updated_at);
    ELSIF OLD.status IS DISTINCT FROM NEW.status THEN
        INSERT INTO order_status_history (order_id, from_status, to_status, reason, changed_at)
        VALUES (NEW.id, OLD.status, NEW.status, NEW.status_reason, NEW.updated_at);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER orders_record_status
    AFTER INSERT OR UPDATE OF status ON orders
    FOR EACH ROW EXECUTE FUNCTION record_order_status();

--comment: What the order-report batch job computes: orders and their total amount per day (UTC), status and currency.
CREATE TABLE order_daily_report (
    day          DATE           NOT NULL,
    status       VARCHAR(20)    NOT NULL,
    currency     CHAR(3)        NOT NULL,
    order_count  BIGINT         NOT NULL,
    revenue      NUMERIC(23, 2) NOT NULL,
    generated_at TIMESTAMPTZ    NOT NULL,
    job_instance_id BIGINT      NOT NULL,
    PRIMARY KEY (day, status, currency)
);
--comment: Jakarta Batch keeps its job repository (job history) here; Liberty creates the tables in it.
CREATE SCHEMA IF NOT EXISTS jbatch;
--rollback DROP SCHEMA jbatch CASCADE; DROP TABLE order_daily_report; DROP TRIGGER orders_record_status ON orders; DROP FUNCTION record_order_status();
--rollback DROP TABLE order_status_history; DROP TABLE order_jobs;
