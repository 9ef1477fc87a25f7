package io.modyn.storage.file;

import static io.modyn.storage.file.TestData.get;
import static io.modyn.storage.file.TestData.put;
import static io.modyn.storage.file.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageTransaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the file engine promises beyond the SPI contract: shutdown, exclusivity, locks, names. */
class FileStorageEngineTest {

    @TempDir
    Path data;

    private FileStorageEngine open() {
        return FileStorageEngine.open(FileStorageOptions.defaults(data));
    }

    @Test
    void closedEngineRefusesNewWorkRetryably() {
        FileStorageEngine engine = open();
        engine.createKeyspace("t");
        engine.close();
        for (Runnable call : List.<Runnable>of(engine::begin, () -> engine.get("t", utf8("p"), utf8("s")), () -> engine.createKeyspace("u"))) {
            StorageException e = assertThrows(StorageException.class, call::run);
            assertTrue(e.retryable(), e.getMessage());
        }
    }

    @Test
    void transactionOpenAtShutdownFailsRetryablyAndLeavesNothing() {
        FileStorageEngine engine = open();
        engine.createKeyspace("t");
        StorageTransaction tx = engine.begin();
        tx.put("t", utf8("p"), utf8("s"), utf8("v"));
        engine.close();
        StorageException e = assertThrows(StorageException.class, tx::commit);
        assertTrue(e.retryable());
        tx.close();
        try (FileStorageEngine reopened = open()) {
            assertNull(get(reopened, "t", "p", "s"));
        }
    }

    @Test
    void secondEngineOnTheSameDirectoryIsRefused() {
        try (FileStorageEngine engine = open()) {
            StorageException e = assertThrows(StorageException.class, this::open);
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
        open().close();
    }

    @Test
    void transactionsReleaseTheirLocksWhenTheyEnd() {
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("t");
            try (StorageTransaction tx = engine.begin()) {
                tx.getForUpdate("t", utf8("a"), utf8(""));
                tx.put("t", utf8("b"), utf8(""), utf8("v"));
                tx.put("t", utf8("b"), utf8(""), utf8("w"));
                assertEquals(2, engine.lockCount());
                tx.commit();
                assertEquals(0, engine.lockCount());
            }
            try (StorageTransaction tx = engine.begin()) {
                tx.delete("t", utf8("a"), utf8(""));
            }
            assertEquals(0, engine.lockCount());
        }
    }

    @Test
    void finishedTransactionCannotBeUsed() {
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("t");
            StorageTransaction tx = engine.begin();
            tx.commit();
            assertThrows(IllegalStateException.class, () -> tx.put("t", utf8("p"), utf8("s"), utf8("v")));
            assertThrows(IllegalStateException.class, tx::commit);
            tx.close();
        }
    }

    @Test
    void keyspaceNamesFollowTheSpi() {
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("Table_1.index-2");
            engine.createKeyspace("x".repeat(200));
            for (String bad : List.of("", "with space", "slash/", "x".repeat(201), "é")) {
                StorageException e = assertThrows(StorageException.class, () -> engine.createKeyspace(bad));
                assertFalse(e.retryable());
            }
        }
    }

    @Test
    @Timeout(120)
    void manyConcurrentCommitsAreAllDurable() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("t");
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) put(engine, "t", "w" + writer, "i" + i, "v");
                }));
            }
            for (Future<?> writer : writers) writer.get();
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        }
        try (FileStorageEngine engine = open()) {
            assertEquals(400, engine.statistics("t").recordCount());
        }
    }
}
