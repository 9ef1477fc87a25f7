package io.modyn.storage.file.manifest;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CorruptFrameException;
import io.modyn.storage.file.commitlog.FileHeader;
import io.modyn.storage.file.commitlog.FrameReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays a manifest file into a {@link ManifestState}. The file starts with a snapshot edit that
 * was durable before the file got its name, so damage there, or in any edit whose frame checks
 * out but does not fit the state, is corruption and stops the start. An invalid frame after it is
 * the torn tail of an edit a crash interrupted: it was never acknowledged (edits return only once
 * fsynced), so it and anything after it are dropped, with a log line.
 */
final class ManifestReader {

    private static final Logger LOG = Logger.getLogger(ManifestReader.class.getName());

    /** The state a manifest file holds and the length of its intact edits. */
    record Replayed(ManifestState state, long validEnd, long edits) {
    }

    private ManifestReader() {
    }

    static Replayed read(Path file) throws IOException {
        long number = ManifestFile.numberOf(file);
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (FileHeader.read(in, ManifestFile.MAGIC) != number) throw corrupt(file, "its header names another manifest number", null);
            FrameReader frames = new FrameReader(in, FileHeader.SIZE, size);
            byte[] first = frames.next();
            if (first == null || !(ManifestEditCodec.decode(first) instanceof ManifestEdit.Snapshot snapshot)) {
                throw corrupt(file, "it does not start with a snapshot of the state", null);
            }
            ManifestState state = snapshot.state();
            long edits = 1;
            while (true) {
                long before = frames.offset();
                byte[] payload;
                try {
                    payload = frames.next();
                } catch (CorruptFrameException torn) {
                    LOG.log(Level.WARNING, "Dropping {0} bytes at the end of manifest {1}: an edit a crash interrupted before it was acknowledged ({2})",
                            new Object[] {size - before, file, torn.getMessage()});
                    return new Replayed(state, before, edits);
                }
                if (payload == null) return new Replayed(state, before, edits);
                state = state.apply(ManifestEditCodec.decode(payload));
                edits++;
            }
        } catch (CorruptFrameException e) {
            throw corrupt(file, e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw corrupt(file, e.getMessage(), e);
        }
    }

    private static StorageException corrupt(Path file, String reason, Exception cause) {
        return new StorageException("manifest " + file + " cannot be read (" + reason
                + "); it records which table files hold the data, and guessing would lose or resurrect records", cause, false);
    }
}
