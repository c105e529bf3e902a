--liquibase formatted sql

--changeset order-platform:005-daily-report-revenue-unbounded
--comment: A day's revenue is the sum of any number of orders, each up to 100 lines x 10,000 x 9,999,999,999.99
--comment: (19 integer digits): no fixed precision holds every such sum, so the column takes NUMERIC's full range.
ALTER TABLE order_daily_report ALTER COLUMN revenue TYPE NUMERIC;
--rollback ALTER TABLE order_daily_report ALTER COLUMN revenue TYPE NUMERIC(23, 2);

--changeset order-platform:005-retention-indexes runInTransaction:false
--comment: The reconciliation job purges login sessions that ended (expired or revoked) and finished jobs after their
--comment: retention, in batches: these indexes find them without reading the whole tables. Built concurrently, so
--comment: that a large table keeps taking writes meanwhile.
CREATE INDEX CONCURRENTLY IF NOT EXISTS refresh_token_families_expires_idx ON refresh_token_families (expires_at);
CREATE INDEX CONCURRENTLY IF NOT EXISTS refresh_token_families_revoked_idx ON refresh_token_families (revoked_at)
    WHERE revoked_at IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS order_jobs_done_finished_idx ON order_jobs (finished_at) WHERE state = 'DONE';
--rollback DROP INDEX order_jobs_done_finished_idx; DROP INDEX refresh_token_families_revoked_idx;
--rollback DROP INDEX refresh_token_families_expires_idx;
