--liquibase formatted sql

--changeset order-platform:001-users
--comment: Accounts that own orders. Email is unique regardless of case.
CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    full_name     VARCHAR(200),
    password_hash VARCHAR(255) NOT NULL,
    is_active     BOOLEAN      NOT NULL DEFAULT TRUE,
    is_superuser  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT users_email_not_blank CHECK (length(trim(email)) > 0)
);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
--rollback DROP TABLE users;
