package io.modyn.storage.postgres;

import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.contract.StorageEngineContract;
import io.modyn.api.storage.contract.StorageFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The storage contract on PostgreSQL. One schema for the class; each test's fixture starts from
 * empty tables, and every open runs the schema migration as a real start does.
 */
class PostgresStorageEngineContractTest extends StorageEngineContract {

    private static final String SCHEMA = TestDatabase.schemaFor(PostgresStorageEngineContractTest.class);

    @BeforeAll
    static void freshSchema() {
        TestDatabase.dropSchema(SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(SCHEMA);
    }

    @Override
    protected StorageFixture newFixture() {
        TestDatabase.emptySchema(SCHEMA);
        PostgresStorageOptions options = TestDatabase.options(SCHEMA);
        return new StorageFixture() {
            @Override
            public StorageEngine open() {
                return PostgresStorageEngine.open(options);
            }

            @Override
            public void close(StorageEngine engine) {
                ((PostgresStorageEngine) engine).close();
            }
        };
    }
}
