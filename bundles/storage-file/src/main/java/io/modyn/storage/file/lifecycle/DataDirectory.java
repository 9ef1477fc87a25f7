package io.modyn.storage.file.lifecycle;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.DirectorySync;
import io.modyn.storage.file.commitlog.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The storage's directory (format 2, FORMAT.md "Directory layout"): {@code FORMAT},
 * {@code manifest/}, {@code commitlog/}, {@code tables/} and {@code snapshots/} below it, and a
 * lock file that keeps a second engine (in this process or another) from opening the same data,
 * which would interleave two commit logs and corrupt both. All of it is readable by its owner
 * only ({@link OwnerOnly}).
 *
 * <p>Opening checks the format version first ({@link FormatVersion}) and refuses a newer one
 * before creating or locking anything. A new directory gets its FORMAT file before anything else,
 * so a directory without one that holds format-1 files is always format 1: it is opened as is, for
 * {@code Upgrade} to convert, which writes FORMAT last.
 */
public final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = "modyn-storage.lock";
    static final String COMMIT_LOG = "commitlog";
    static final String SNAPSHOTS = "snapshots";
    static final String MANIFEST = "manifest";
    static final String TABLES = "tables";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the layout if needed and locks it.
     *
     * @throws StorageException if the directory is in a newer format (nothing is touched) or in use
     */
    public static DataDirectory open(Path root) throws IOException {
        FormatVersion.check(root);
        OwnerOnly.createDirectories(root);
        FileChannel channel = OwnerOnly.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        DataDirectory directory;
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) throw inUse(root);
            directory = new DataDirectory(root, channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw inUse(root);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try {
            // Again under the lock: another process may have upgraded or created it meanwhile.
            if (FormatVersion.check(root) == FormatVersion.NEW) FormatVersion.write(root);
            for (String sub : new String[] {MANIFEST, COMMIT_LOG, TABLES, SNAPSHOTS}) OwnerOnly.createDirectories(root.resolve(sub));
            // Files are fsynced into these directories; the directories' own entries must be durable too.
            DirectorySync.sync(root);
            return directory;
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static StorageException inUse(Path root) {
        return new StorageException("data directory " + root + " is in use by another storage engine", false);
    }

    /** The format of the data now: {@link FormatVersion#LEGACY} until {@code Upgrade} has run, then {@link FormatVersion#CURRENT}. */
    public int formatVersion() throws IOException {
        return FormatVersion.check(root);
    }

    public Path root() {
        return root;
    }

    public Path commitLog() {
        return root.resolve(COMMIT_LOG);
    }

    public Path snapshots() {
        return root.resolve(SNAPSHOTS);
    }

    public Path manifest() {
        return root.resolve(MANIFEST);
    }

    public Path tables() {
        return root.resolve(TABLES);
    }

    /** The directory of one keyspace's sorted tables, {@code tables/<keyspaceId>}: created by whoever writes the first table. */
    public Path tables(long keyspaceId) {
        return tables().resolve(Long.toString(keyspaceId));
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
