package io.modyn.storage.file.upgrade;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.FileHeader;
import io.modyn.storage.file.commitlog.FrameReader;
import io.modyn.storage.file.commitlog.NumberedFileName;
import io.modyn.storage.file.lifecycle.LegacyFiles;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.mutation.MutationCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A format-1 whole-state snapshot, {@code snapshots/snapshot-<segment>.db} (FORMAT.md "Upgrade
 * from format 1"): a header with magic {@code MDYNSNAP}, then mutation batches, the last one
 * empty. The number in its name is the first commit-log segment to replay on top of it. It was
 * renamed into place only once complete, so any damage, a missing end marker included, is
 * corruption and stops the upgrade with the directory untouched.
 */
final class LegacySnapshot {

    private static final byte[] MAGIC = "MDYNSNAP".getBytes(StandardCharsets.US_ASCII);
    private static final NumberedFileName NAME = new NumberedFileName("snapshot-", ".db");
    private static final NumberedFileName TEMPORARY_NAME = new NumberedFileName("snapshot-", ".db.tmp");

    private LegacySnapshot() {
    }

    /** The newest complete snapshot in the directory, or null; temporaries (a checkpoint a crash interrupted) do not count. */
    static Path newest(Path snapshotsDirectory) throws IOException {
        Path newest = null;
        for (Path file : LegacyFiles.snapshots(snapshotsDirectory)) {
            if (segmentOf(file) >= 0 && (newest == null || segmentOf(file) > segmentOf(newest))) newest = file;
        }
        return newest;
    }

    /** The segment number in a complete snapshot's name, or -1 if the name is not one. */
    static long segmentOf(Path path) {
        return NAME.numberOf(path.getFileName().toString());
    }

    /** The segment number in a complete or temporary snapshot's name, or -1 if the name is neither. */
    static long segmentOfAny(Path path) {
        long complete = segmentOf(path);
        return complete >= 0 ? complete : TEMPORARY_NAME.numberOf(path.getFileName().toString());
    }

    /** Applies the snapshot's content. */
    static void load(Path snapshot, LegacyData data) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(snapshot), 1 << 16)) {
            if (FileHeader.read(in, MAGIC) != segmentOf(snapshot)) throw corrupt(snapshot, "its header names another segment");
            FrameReader frames = new FrameReader(in, FileHeader.SIZE, Files.size(snapshot));
            for (byte[] payload = frames.next(); payload != null; payload = frames.next()) {
                List<Mutation> batch = MutationCodec.decode(payload);
                if (batch.isEmpty()) {
                    if (frames.next() != null) throw corrupt(snapshot, "data follows its end marker");
                    return;
                }
                data.apply(batch);
            }
            throw corrupt(snapshot, "it has no end marker");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof StorageException se) throw se;
            throw new StorageException("format-1 snapshot " + snapshot + " cannot be upgraded (" + e.getMessage()
                    + "); nothing was changed", e, false);
        }
    }

    private static StorageException corrupt(Path snapshot, String reason) {
        return new StorageException("format-1 snapshot " + snapshot + " is corrupt: " + reason + "; nothing was changed", false);
    }
}
