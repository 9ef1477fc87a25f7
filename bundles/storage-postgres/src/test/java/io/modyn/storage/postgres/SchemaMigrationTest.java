package io.modyn.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several nodes starting at once on an empty database: one migrates, the others find it done. */
class SchemaMigrationTest {

    private static final String SCHEMA = TestDatabase.schemaFor(SchemaMigrationTest.class);

    @BeforeEach
    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(SCHEMA);
    }

    @Test
    @Timeout(120)
    void concurrentStartsMigrateOnceAndAllSucceed() throws Exception {
        int nodes = 4;
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                starts.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    SchemaMigration.migrate(PostgresDataSources.direct(TestDatabase.options(SCHEMA)), SCHEMA);
                    return null;
                }));
            }
            for (Future<?> start : starts) start.get();
        } finally {
            threads.shutdownNow();
        }
        assertEquals(3, count("SELECT count(*) FROM " + SCHEMA + ".databasechangelog"), "each change set ran once");
        assertEquals(0, count("SELECT count(*) FROM " + SCHEMA + ".databasechangeloglock WHERE locked"), "Liquibase's lock is free");
        assertEquals(3, count("SELECT count(*) FROM pg_tables WHERE schemaname = '" + SCHEMA
                + "' AND tablename IN ('keyspaces', 'records', 'keyspace_statistics')"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
