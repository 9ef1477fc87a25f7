--liquibase formatted sql

-- The PostgreSQL backend's schema. ${schema} is the configured schema (PostgresStorageOptions).
-- Change sets are append-only: a released one is never edited, a change is a new change set.

--changeset modyn:1-keyspaces
-- One row per keyspace. Records refer to the id, so a keyspace dropped and created again under
-- the same name starts empty even while the old records are still being deleted.
CREATE TABLE ${schema}.keyspaces (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(200) NOT NULL UNIQUE CONSTRAINT keyspaces_name_check CHECK (name ~ '^[A-Za-z0-9._-]+$')
);
--rollback DROP TABLE ${schema}.keyspaces;

--changeset modyn:2-records
-- The primary key is the SPI's record order: token (signed 64-bit), then partition and sort as
-- bytea, which PostgreSQL compares as unsigned bytes, a proper prefix first, whatever the
-- database's collation. Query and Scan are range scans of this one index.
CREATE TABLE ${schema}.records (
    keyspace_id bigint NOT NULL,
    token bigint NOT NULL,
    partition bytea NOT NULL,
    sort bytea NOT NULL,
    value bytea NOT NULL,
    CONSTRAINT records_pkey PRIMARY KEY (keyspace_id, token, partition, sort)
);
--rollback DROP TABLE ${schema}.records;

--changeset modyn:3-keyspace-statistics
-- Exact record counts and sizes, kept by each committing transaction in one of a few shard rows
-- per keyspace; the keyspace reference makes a commit that races a keyspace drop fail.
CREATE TABLE ${schema}.keyspace_statistics (
    keyspace_id bigint NOT NULL REFERENCES ${schema}.keyspaces (id) ON DELETE CASCADE,
    shard smallint NOT NULL,
    record_count bigint NOT NULL,
    size_bytes bigint NOT NULL,
    CONSTRAINT keyspace_statistics_pkey PRIMARY KEY (keyspace_id, shard)
);
--rollback DROP TABLE ${schema}.keyspace_statistics;
