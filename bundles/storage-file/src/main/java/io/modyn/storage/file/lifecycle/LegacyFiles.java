package io.modyn.storage.file.lifecycle;

import io.modyn.storage.file.commitlog.CommitLogSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of format 1 that format 2 has no use for: whole-state snapshots,
 * {@code snapshots/snapshot-<segment>.db} and their temporaries {@code ….db.tmp}, directly in
 * {@code snapshots/} (format 2 keeps only directories there, one per named snapshot).
 */
public final class LegacyFiles {

    private LegacyFiles() {
    }

    /** Format-1 snapshot files, complete or temporary, in name order. */
    public static List<Path> snapshots(Path snapshotsDirectory) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(snapshotsDirectory)) return found;
        try (Stream<Path> files = Files.list(snapshotsDirectory)) {
            files.filter(LegacyFiles::isSnapshot).sorted().forEach(found::add);
        }
        return found;
    }

    static boolean snapshotsExist(Path snapshotsDirectory) throws IOException {
        return !snapshots(snapshotsDirectory).isEmpty();
    }

    static boolean segmentsExist(Path commitLogDirectory) throws IOException {
        return Files.isDirectory(commitLogDirectory) && !CommitLogSegment.list(commitLogDirectory).isEmpty();
    }

    private static boolean isSnapshot(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("snapshot-") && (name.endsWith(".db") || name.endsWith(".db.tmp")) && Files.isRegularFile(file);
    }
}
