package io.modyn.storage.file.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Snapshot file names: {@code snapshot-<segment>.db}, where the number is the first commit-log
 * segment recovery must replay on top of it. A snapshot is written as {@code ….db.tmp} and renamed
 * only when complete, so a file with the final name is always whole.
 */
final class SnapshotFile {

    static final byte[] MAGIC = "MDYNSNAP".getBytes(StandardCharsets.US_ASCII);
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".db";
    private static final String TEMPORARY_SUFFIX = ".db.tmp";

    private SnapshotFile() {
    }

    static Path path(Path directory, long replayFromSegment) {
        return directory.resolve(PREFIX + String.format("%020d", replayFromSegment) + SUFFIX);
    }

    static Path temporary(Path directory, long replayFromSegment) {
        return directory.resolve(PREFIX + String.format("%020d", replayFromSegment) + TEMPORARY_SUFFIX);
    }

    /** The segment number in a complete snapshot's name, or -1 if the name is not one. */
    static long segmentOf(Path path) {
        String name = path.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) return -1;
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Complete snapshots, oldest first. */
    static List<Path> list(Path directory) throws IOException {
        List<Path> snapshots = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(p -> segmentOf(p) >= 0).forEach(snapshots::add);
        }
        snapshots.sort((a, b) -> Long.compare(segmentOf(a), segmentOf(b)));
        return snapshots;
    }

    /** Removes snapshots a crash left half-written. */
    static void deleteTemporary(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(TEMPORARY_SUFFIX)) Files.delete(file);
            }
        }
    }

    /** Removes complete snapshots older than the given one. */
    static void deleteOlderThan(Path directory, long replayFromSegment) throws IOException {
        for (Path snapshot : list(directory)) {
            if (segmentOf(snapshot) < replayFromSegment) Files.delete(snapshot);
        }
    }
}
