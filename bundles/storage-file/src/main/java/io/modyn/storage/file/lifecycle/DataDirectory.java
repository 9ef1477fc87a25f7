package io.modyn.storage.file.lifecycle;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The storage's directory: {@code commitlog/} and {@code snapshots/} below it, and a lock file
 * that keeps a second engine (in this process or another) from opening the same data, which would
 * interleave two commit logs and corrupt both. All of it is readable by its owner only
 * ({@link OwnerOnly}).
 */
public final class DataDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "modyn-storage.lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the layout if needed and locks it. */
    public static DataDirectory open(Path root) throws IOException {
        OwnerOnly.createDirectories(root);
        OwnerOnly.createDirectories(root.resolve("commitlog"));
        OwnerOnly.createDirectories(root.resolve("snapshots"));
        FileChannel channel = OwnerOnly.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) throw inUse(root);
            return new DataDirectory(root, channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw inUse(root);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static StorageException inUse(Path root) {
        return new StorageException("data directory " + root + " is in use by another storage engine", false);
    }

    public Path root() {
        return root;
    }

    public Path commitLog() {
        return root.resolve("commitlog");
    }

    public Path snapshots() {
        return root.resolve("snapshots");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
