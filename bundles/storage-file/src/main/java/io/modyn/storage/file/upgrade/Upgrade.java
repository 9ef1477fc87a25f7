package io.modyn.storage.file.upgrade;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CommitLogSegment;
import io.modyn.storage.file.commitlog.DirectorySync;
import io.modyn.storage.file.lifecycle.DataDirectory;
import io.modyn.storage.file.lifecycle.FormatVersion;
import io.modyn.storage.file.lifecycle.LegacyFiles;
import io.modyn.storage.file.manifest.Manifest;
import io.modyn.storage.file.manifest.TableEntry;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.Sequence;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.SortedTableOptions;
import io.modyn.storage.file.sstable.SortedTableWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Converts a format-1 data directory (whole-state snapshots and a commit log) to format 2 in
 * place, at the first start of a version that reads format 2 (FORMAT.md "Upgrade from format 1").
 *
 * <p>The conversion loads the newest snapshot and replays the commit log after it into memory (a
 * format-1 engine held all its data in the heap, so it fits), writes one sorted table per
 * keyspace with {@link Sequence#NONE}, records keyspaces and tables in a fresh manifest, flushed
 * up to the end of the old log, then writes the FORMAT file, then deletes the old snapshots and
 * segments.
 *
 * <p>Crash safety comes from that order. The FORMAT file is the commit point: until it exists the
 * old files are untouched (not even a torn log tail is truncated) and the directory is still
 * format 1, so the next start discards the new files and converts again from scratch. Once it
 * exists the new files are complete, and the old files left over are deleted at the next start.
 * The manifest's first segment id is set above every old segment, so the new commit log never
 * reuses an old segment's positions and never replays an old segment.
 */
public final class Upgrade {

    private static final Logger LOG = Logger.getLogger(Upgrade.class.getName());

    /** The points between which a crash may stop an upgrade (tests stop it there). */
    enum Step {
        NEW_FILES_DISCARDED, TABLE_WRITTEN, MANIFEST_WRITTEN, FORMAT_WRITTEN, SNAPSHOTS_DELETED, SEGMENTS_DELETED
    }

    @FunctionalInterface
    interface StepListener {
        void reached(Step step) throws IOException;
    }

    /**
     * What an upgrade converted.
     *
     * @param upgraded false if the directory was already in the current format (the counts are 0)
     * @param nextSegmentId the lowest id the new commit log may use: above every old segment
     */
    public record Result(boolean upgraded, int keyspaces, long records, int tables, long nextSegmentId, long millis) {

        static final Result NONE = new Result(false, 0, 0, 0, 0, 0);
    }

    private Upgrade() {
    }

    /**
     * Converts the directory if it is in format 1; otherwise removes any old files an upgrade
     * interrupted after its commit point left behind. Call it after {@link DataDirectory#open}
     * (which holds the lock) and before opening the manifest or the commit log.
     *
     * @param options how the sorted tables are written
     * @throws io.modyn.api.storage.StorageException if an old file cannot be read: nothing is
     *     changed, the directory stays in format 1
     */
    public static Result runIfNeeded(DataDirectory directory, SortedTableOptions options) throws IOException {
        return runIfNeeded(directory, options, step -> { });
    }

    static Result runIfNeeded(DataDirectory directory, SortedTableOptions options, StepListener listener) throws IOException {
        if (directory.formatVersion() != FormatVersion.LEGACY) {
            deleteLeftovers(directory);
            return Result.NONE;
        }
        long began = System.nanoTime();
        discardNewFiles(directory);
        listener.reached(Step.NEW_FILES_DISCARDED);

        LegacyData data = new LegacyData();
        Path snapshot = LegacySnapshot.newest(directory.snapshots());
        long replayFrom = 1;
        if (snapshot != null) {
            replayFrom = LegacySnapshot.segmentOf(snapshot);
            LegacySnapshot.load(snapshot, data);
        }
        LegacyCommitLog.Replayed replayed = LegacyCommitLog.replay(directory.commitLog(), replayFrom, data);
        long nextSegmentId = Math.max(replayFrom, lastSegmentId(directory.commitLog()) + 1);
        long[] timeRange = modificationTimeRange(directory);

        int tables = 0;
        try (Manifest manifest = Manifest.open(directory.manifest())) {
            manifest.commitLogStartsAt(nextSegmentId);
            long keyspaceId = manifest.state().nextKeyspaceId();
            for (Map.Entry<String, NavigableMap<OrderedKey, byte[]>> keyspace : data.keyspaces().entrySet()) {
                manifest.keyspaceCreated(keyspace.getKey(), keyspaceId, Sequence.NONE);
                TableEntry table = null;
                if (!keyspace.getValue().isEmpty()) {
                    table = writeTable(directory.tables(keyspaceId), manifest.allocateGeneration(), keyspace.getValue(), options, timeRange);
                    DirectorySync.sync(directory.tables()); // the new keyspace directory's entry
                    tables++;
                    listener.reached(Step.TABLE_WRITTEN);
                }
                manifest.flushed(keyspace.getKey(), table, replayed.end());
                keyspaceId++;
            }
        }
        listener.reached(Step.MANIFEST_WRITTEN);
        FormatVersion.write(directory.root());
        listener.reached(Step.FORMAT_WRITTEN);
        deleteLegacyFiles(directory, nextSegmentId, listener);

        Result result = new Result(true, data.keyspaces().size(), data.recordCount(), tables, nextSegmentId, (System.nanoTime() - began) / 1_000_000);
        LOG.info(String.format("Upgraded data directory %s from format %d to %d: %d keyspaces, %d records, in %d ms",
                directory.root(), FormatVersion.LEGACY, FormatVersion.CURRENT, result.keyspaces(), result.records(), result.millis()));
        return result;
    }

    private static TableEntry writeTable(Path tableDirectory, long generation, NavigableMap<OrderedKey, byte[]> records, SortedTableOptions options,
            long[] timeRange) throws IOException {
        try (SortedTableWriter writer = SortedTableWriter.create(tableDirectory, generation, 0, options, records.size())) {
            for (Map.Entry<OrderedKey, byte[]> record : records.entrySet()) {
                writer.append(new VersionedRecord(record.getKey(), Sequence.NONE, record.getValue()));
            }
            writer.finish(timeRange[0], timeRange[1], null).release();
        }
        return new TableEntry(generation, 0);
    }

    /** Removes what an interrupted upgrade wrote before its commit point: a manifest and tables. */
    private static void discardNewFiles(DataDirectory directory) throws IOException {
        for (Path root : List.of(directory.manifest(), directory.tables())) {
            List<Path> found = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(path -> !path.equals(root)).forEach(found::add);
            }
            found.sort(Comparator.reverseOrder());
            for (Path path : found) Files.delete(path);
            if (!found.isEmpty()) {
                DirectorySync.sync(root);
                LOG.info(() -> "Discarding " + found.size() + " files of an interrupted upgrade in " + root + "; converting again");
            }
        }
    }

    /**
     * Old files an upgrade interrupted after writing FORMAT left: everything they held is in the
     * tables. Such a snapshot always names a segment below the manifest's first segment id; one
     * that does not was written after the upgrade, by an older Modyn started on the directory, and
     * holds data the tables may not: it stops the start rather than being deleted.
     */
    private static void deleteLeftovers(DataDirectory directory) throws IOException {
        List<Path> snapshots = LegacyFiles.snapshots(directory.snapshots());
        List<Path> segments = CommitLogSegment.list(directory.commitLog());
        if (snapshots.isEmpty() && segments.isEmpty()) return;
        long firstSegmentId = Manifest.read(directory.manifest()).firstSegmentId();
        for (Path snapshot : snapshots) {
            if (LegacySnapshot.segmentOfAny(snapshot) >= firstSegmentId) {
                throw new StorageException("data directory " + directory.root() + " is in format " + FormatVersion.CURRENT
                        + " but holds the format-1 snapshot " + snapshot + ", which no upgrade left (was a Modyn reading only format "
                        + FormatVersion.LEGACY + " started on it?); nothing was changed. Move the file out of the directory to start", false);
            }
        }
        segments.removeIf(segment -> CommitLogSegment.idOf(segment) >= firstSegmentId);
        if (snapshots.isEmpty() && segments.isEmpty()) return;
        LOG.info(() -> "Removing " + (snapshots.size() + segments.size()) + " format-1 files an interrupted upgrade of " + directory.root() + " left");
        deleteLegacyFiles(directory, firstSegmentId, step -> { });
    }

    private static void deleteLegacyFiles(DataDirectory directory, long firstSegmentId, StepListener listener) throws IOException {
        for (Path snapshot : LegacyFiles.snapshots(directory.snapshots())) Files.deleteIfExists(snapshot);
        DirectorySync.sync(directory.snapshots());
        listener.reached(Step.SNAPSHOTS_DELETED);
        CommitLogSegment.deleteBefore(directory.commitLog(), firstSegmentId);
        DirectorySync.sync(directory.commitLog());
        listener.reached(Step.SEGMENTS_DELETED);
    }

    private static long lastSegmentId(Path commitLog) throws IOException {
        List<Path> segments = CommitLogSegment.list(commitLog);
        return segments.isEmpty() ? 0 : CommitLogSegment.idOf(segments.get(segments.size() - 1));
    }

    /**
     * Format 1 kept no write times; the old files' modification times bound them well enough for
     * the tables' statistics.
     */
    private static long[] modificationTimeRange(DataDirectory directory) throws IOException {
        List<Path> files = new ArrayList<>(LegacyFiles.snapshots(directory.snapshots()));
        files.addAll(CommitLogSegment.list(directory.commitLog()));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Path file : files) {
            long time = Files.getLastModifiedTime(file).toMillis();
            min = Math.min(min, time);
            max = Math.max(max, time);
        }
        long now = System.currentTimeMillis();
        return files.isEmpty() ? new long[] {now, now} : new long[] {min, max};
    }
}
