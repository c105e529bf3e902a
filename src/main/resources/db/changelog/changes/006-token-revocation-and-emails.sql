--liquibase formatted sql

--changeset order-platform:006-tokens-valid-after
--comment: Revocation lives in PostgreSQL, committed with the change that causes it: access tokens of a user issued
--comment: at or before tokens_valid_after are refused (deactivated, demoted, password changed) on every replica,
--comment: whether Redis answers or not.
ALTER TABLE users ADD COLUMN tokens_valid_after TIMESTAMPTZ;
--rollback ALTER TABLE users DROP COLUMN tokens_valid_after;

--changeset order-platform:006-refresh-previous-token
--comment: The hash of the refresh token rotated out last: presented again within a few seconds of its rotation (a
--comment: client retrying a refresh whose response it lost) it yields the same new pair instead of ending the session.
ALTER TABLE refresh_token_families ADD COLUMN previous_token_hash CHAR(64);
--rollback ALTER TABLE refresh_token_families DROP COLUMN previous_token_hash;

--changeset order-platform:006-email-key
--comment: Emails compare by one key computed in Java (trimmed, NFC, lower case in the root locale) rather than by
--comment: PostgreSQL's lower(), whose result depends on the database's locale and differs from Java's for some
--comment: letters (İ). Existing rows get lower(email), which is the same for every ASCII address.
ALTER TABLE users ADD COLUMN email_key VARCHAR(400);
UPDATE users SET email_key = lower(email);
ALTER TABLE users ALTER COLUMN email_key SET NOT NULL;
CREATE UNIQUE INDEX users_email_key_key ON users (email_key);
DROP INDEX users_email_lower_key;
--rollback CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email)); DROP INDEX users_email_key_key; ALTER TABLE users DROP COLUMN email_key;
