package io.modyn.storage.file.lifecycle;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.DirectorySync;
import io.modyn.storage.file.commitlog.OwnerOnly;
import io.modyn.storage.file.sstable.SortedTable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A snapshot of one keyspace by hard links: {@code snapshots/<name>/<keyspaceId>/} gets a link to
 * each of its live tables (immutable files, so a link is a copy that costs no space until
 * compaction deletes the original) and a {@code SNAPSHOT} descriptor naming the keyspace and its
 * tables. The basis for backups: copy the directory anywhere, it stays valid while the engine runs.
 */
public final class TableSnapshot {

    public static final String DESCRIPTOR = "SNAPSHOT";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private TableSnapshot() {
    }

    /** Links the tables, which the caller keeps retained meanwhile; returns the snapshot's keyspace directory. */
    public static Path write(Path snapshotsRoot, String name, String keyspace, long keyspaceId, List<SortedTable> tables) throws IOException {
        if (!NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new StorageException("invalid snapshot name '" + name + "': expected [A-Za-z0-9._-]{1,200}", false);
        }
        Path directory = snapshotsRoot.resolve(name).resolve(Long.toString(keyspaceId));
        if (Files.exists(directory)) throw new StorageException("snapshot " + name + " of keyspace " + keyspace + " already exists", false);
        OwnerOnly.createDirectories(directory);
        StringBuilder descriptor = new StringBuilder()
                .append("keyspace=").append(keyspace).append('\n')
                .append("keyspaceId=").append(keyspaceId).append('\n')
                .append("createdAt=").append(Instant.now()).append('\n');
        for (SortedTable table : tables) {
            Path file = table.file();
            Files.createLink(directory.resolve(file.getFileName()), file);
            descriptor.append("table=").append(file.getFileName()).append(" level=").append(table.level())
                    .append(" records=").append(table.statistics().recordCount()).append('\n');
        }
        try (FileChannel out = OwnerOnly.open(directory.resolve(DESCRIPTOR), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap(descriptor.toString().getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        DirectorySync.sync(directory);
        return directory;
    }
}
