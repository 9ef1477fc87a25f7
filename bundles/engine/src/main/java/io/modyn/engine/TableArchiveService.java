package io.modyn.engine;

import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.StorageException;
import io.modyn.api.tables.TableArchive;
import io.modyn.api.tables.TableArchives;
import io.modyn.api.tables.TableRestore;
import io.modyn.engine.operation.ArchiveLoader;
import io.modyn.engine.operation.ArchiveTableOperation;
import io.modyn.engine.operation.RestoreTableOperation;
import io.modyn.engine.write.ItemWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The engine's {@link TableArchives}, for backup bundles: archives through the storage backend's
 * consistent copy, restores by writing archived items through the engine's own write path. Storage
 * failures become DynamoDB errors as in {@link DynamoDbEngine}. Restores load in the background on
 * one thread; {@link #close} stops it (a restore cut short leaves its table CREATING).
 */
public final class TableArchiveService implements TableArchives, AutoCloseable {

    private final StorageBinding storage;
    private final ArchiveTableOperation archive;
    private final RestoreTableOperation restore;
    private final ExecutorService loads = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "modyn-table-restore");
        thread.setDaemon(true);
        return thread;
    });

    public TableArchiveService(StorageBinding storage, EngineSettings settings, ItemWriter writer) {
        this.storage = storage;
        this.archive = new ArchiveTableOperation(settings);
        this.restore = new RestoreTableOperation(settings, new ArchiveLoader(writer), loads);
    }

    @Override
    public TableDescription describe(String tableName) {
        return run(() -> archive.describe(tableName, storage.require()));
    }

    @Override
    public TableArchive archive(String tableName, String keyspace) {
        return run(() -> archive.archive(tableName, keyspace, storage.require()));
    }

    @Override
    public void setChangeCapture(String tableName, boolean on) {
        run(() -> {
            archive.setChangeCapture(tableName, on, storage.require());
            return null;
        });
    }

    @Override
    public TableArchive read(String keyspace, byte[] manifest) {
        return ArchiveTableOperation.read(keyspace, manifest);
    }

    @Override
    public TableDescription restore(TableRestore request) {
        return run(() -> restore.execute(request, storage.require()));
    }

    private static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (DynamoException e) {
            throw e;
        } catch (StorageException e) {
            if (e.retryable()) throw new DynamoException(ErrorType.SERVICE_UNAVAILABLE, "The storage backend is not available; retry the request", e);
            throw DynamoException.internal("Internal server error", e);
        }
    }

    @Override
    public void close() {
        loads.shutdownNow();
    }
}
