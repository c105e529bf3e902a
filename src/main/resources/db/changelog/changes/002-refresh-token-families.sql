--liquibase formatted sql

--changeset order-platform:002-refresh-token-families
--comment: One row per login session. Refresh tokens rotate; only the hash of the current one is stored. Access
--comment: tokens name the session by public_id (their sid claim); the id inside refresh tokens stays private.
CREATE TABLE refresh_token_families (
    id                 UUID         PRIMARY KEY,
    public_id          UUID         NOT NULL UNIQUE,
    user_id            BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    current_token_hash CHAR(64)     NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    rotated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at         TIMESTAMPTZ  NOT NULL,
    revoked_at         TIMESTAMPTZ,
    revoked_reason     VARCHAR(40)
);
CREATE INDEX refresh_token_families_user_idx ON refresh_token_families (user_id);
--rollback DROP TABLE refresh_token_families;
