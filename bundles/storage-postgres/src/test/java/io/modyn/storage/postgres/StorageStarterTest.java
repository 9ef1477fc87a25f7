package io.modyn.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Opening off the activation thread: retries without flooding the log, publishes once, withdraws on stop. */
class StorageStarterTest {

    private static final Duration FAST = Duration.ofMillis(10);

    private final Logger log = Logger.getLogger(StorageStarter.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureLog() {
        previousLevel = log.getLevel();
        log.setLevel(Level.INFO);
        log.setUseParentHandlers(false); // captured here, kept out of the build output
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
        log.setLevel(previousLevel);
    }

    @Test
    @Timeout(60)
    void anUnreachableDatabaseIsLoggedOnceAndRetriedUntilStopped() throws InterruptedException {
        // Nothing listens on port 1: every attempt is refused at once.
        PostgresStorageOptions options = PostgresStorageOptions.defaults("jdbc:postgresql://127.0.0.1:1/modyn")
                .withConnectionTimeout(Duration.ofSeconds(1));
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch severalAttempts = new CountDownLatch(4);
        Function<PostgresStorageOptions, PostgresStorageEngine> opener = o -> {
            attempts.incrementAndGet();
            severalAttempts.countDown();
            return PostgresStorageEngine.open(o);
        };
        AtomicInteger published = new AtomicInteger();
        StorageStarter starter = new StorageStarter(options, opener, engine -> {
            published.incrementAndGet();
            return () -> { };
        }, FAST, FAST);
        starter.start();
        assertTrue(severalAttempts.await(30, TimeUnit.SECONDS), "the starter keeps retrying");
        starter.stop();

        assertEquals(0, published.get());
        List<LogRecord> warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size(), "one warning for " + attempts.get() + " failed attempts: " + warnings);
        String message = warnings.get(0).getMessage();
        assertTrue(message.contains("jdbc:postgresql://127.0.0.1:1/modyn") && message.contains("503"), message);
    }

    @Test
    @Timeout(120)
    void theEngineIsPublishedOnceTheDatabaseAnswersAndWithdrawnOnStop() throws InterruptedException {
        String schema = TestDatabase.schemaFor(StorageStarterTest.class);
        TestDatabase.dropSchema(schema);
        AtomicInteger attempts = new AtomicInteger();
        Function<PostgresStorageOptions, PostgresStorageEngine> downTwice = o -> {
            if (attempts.incrementAndGet() <= 2) throw new StorageException("database starting up", true);
            return PostgresStorageEngine.open(o);
        };
        List<PostgresStorageEngine> published = new CopyOnWriteArrayList<>();
        AtomicInteger withdrawn = new AtomicInteger();
        CountDownLatch publishedOnce = new CountDownLatch(1);
        StorageStarter starter = new StorageStarter(TestDatabase.options(schema), downTwice, engine -> {
            published.add(engine);
            publishedOnce.countDown();
            return withdrawn::incrementAndGet;
        }, FAST, FAST);
        try {
            starter.start();
            assertTrue(publishedOnce.await(60, TimeUnit.SECONDS));
            PostgresStorageEngine engine = published.get(0);
            engine.createKeyspace("starter.table");
            assertNull(engine.get("starter.table", new byte[] {1}, new byte[0]));

            starter.stop();

            assertEquals(1, published.size());
            assertEquals(1, withdrawn.get());
            StorageException closed = assertThrows(StorageException.class, () -> engine.get("starter.table", new byte[] {1}, new byte[0]));
            assertTrue(closed.retryable(), "a caller still holding the engine is told to retry");
            assertTrue(records.stream().anyMatch(r -> r.getMessage().contains("available after 3 attempts")));
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    @Test
    @Timeout(30)
    void aFailureThatQuotesTheUrlIsLoggedWithoutItsPassword() throws InterruptedException {
        // The driver refuses a URL it cannot parse with a message quoting all of it.
        PostgresStorageOptions options = PostgresStorageOptions.defaults("jdbc:postgresql://db/modyn?user=u&password=hunter2&ssl=%zz");
        CountDownLatch attempted = new CountDownLatch(2);
        StorageStarter starter = new StorageStarter(options, o -> {
            attempted.countDown();
            throw new IllegalArgumentException("URL invalid " + o.jdbcUrl(), new IllegalStateException("at " + o.jdbcUrl()));
        }, engine -> () -> { }, FAST, FAST);
        log.setLevel(Level.ALL);
        starter.start();
        assertTrue(attempted.await(20, TimeUnit.SECONDS));
        starter.stop();

        assertFalse(records.isEmpty());
        for (LogRecord record : records) {
            assertFalse(record.getMessage().contains("hunter2"), record.getMessage());
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), "a logged exception quotes the password: " + t);
            }
        }
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING && r.getMessage().contains("URL invalid jdbc:postgresql://db/modyn?***")),
                records.toString());
    }

    @Test
    @Timeout(30)
    void stopInterruptsTheWaitBetweenAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        StorageStarter starter = new StorageStarter(PostgresStorageOptions.defaults("jdbc:postgresql://127.0.0.1:1/modyn"), o -> {
            attempts.incrementAndGet();
            throw new StorageException("down", true);
        }, engine -> () -> { }, Duration.ofMinutes(5), Duration.ofMinutes(5));
        starter.start();
        starter.stop(); // returns at once, not after the five-minute wait
        assertFalse(attempts.get() > 1);
    }
}
