package io.modyn.storage.file.manifest;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.commitlog.DirectorySync;
import io.modyn.storage.file.commitlog.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The record of what is live in the data directory: keyspaces (with their ids and how far their
 * commit log is flushed) and each keyspace's sorted tables. Flushes and compactions switch the
 * live set by one edit here, so after a crash the set is exactly as before or exactly as after.
 *
 * <p>The manifest is an append-only log of edits ({@link ManifestEdit}) in CRC32C frames, each
 * fsynced before its method returns, replayed at {@link #open} into an immutable
 * {@link ManifestState}. When the log grows past a size it is rewritten as a new file holding one
 * snapshot of the state (temporary file, fsync, rename, directory fsync), and the old file is
 * deleted; the newest complete file is always the truth. Thread-safe: edits are serialized, and
 * {@link #state()} never blocks.
 *
 * <p>Table generations are handed out from blocks reserved by one edit each, so allocating one
 * usually costs no fsync; a restart skips what was reserved and not used.
 */
public final class Manifest implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Manifest.class.getName());

    /** Rewrite once the log passes this: it then replays in well under a millisecond. */
    public static final long DEFAULT_REWRITE_BYTES = 1 << 20;
    static final int GENERATION_BLOCK = 64;

    private final Path directory;
    private final long rewriteAfterBytes;
    private ManifestLog log;
    private volatile ManifestState state;
    private long reservedUpTo;
    private IOException failed;
    private boolean closed;

    private Manifest(Path directory, long rewriteAfterBytes, ManifestLog log, ManifestState state) {
        this.directory = directory;
        this.rewriteAfterBytes = rewriteAfterBytes;
        this.log = log;
        this.state = state;
        this.reservedUpTo = state.nextGeneration();
    }

    /** Opens the manifest in its directory (created if missing, with an empty state), replaying its edits. */
    public static Manifest open(Path directory) throws IOException {
        return open(directory, DEFAULT_REWRITE_BYTES);
    }

    public static Manifest open(Path directory, long rewriteAfterBytes) throws IOException {
        OwnerOnly.createDirectories(directory);
        ManifestFile.deleteTemporary(directory);
        List<Path> files = ManifestFile.list(directory);
        if (files.isEmpty()) {
            return new Manifest(directory, rewriteAfterBytes, ManifestLog.create(directory, 1, ManifestState.EMPTY), ManifestState.EMPTY);
        }
        Path newest = files.get(files.size() - 1);
        ManifestReader.Replayed replayed = ManifestReader.read(newest);
        ManifestLog log = ManifestLog.openForAppend(newest, ManifestFile.numberOf(newest), replayed.validEnd());
        // Older files are what a crash between a rewrite's rename and its delete leaves.
        for (Path older : files.subList(0, files.size() - 1)) Files.deleteIfExists(older);
        if (files.size() > 1) DirectorySync.sync(directory);
        Manifest manifest = new Manifest(directory, rewriteAfterBytes, log, replayed.state());
        LOG.fine(() -> "Opened manifest " + newest + ": " + replayed.edits() + " edits, " + replayed.state().keyspaces().size() + " keyspaces");
        return manifest;
    }

    /**
     * The state the newest manifest file in the directory holds, reading only (a torn last edit is
     * ignored, not cut): for tools, and for checks before the engine opens the manifest.
     */
    public static ManifestState read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) return ManifestState.EMPTY;
        List<Path> files = ManifestFile.list(directory);
        return files.isEmpty() ? ManifestState.EMPTY : ManifestReader.read(files.get(files.size() - 1)).state();
    }

    /** The live set now; an immutable value that later edits do not change. */
    public ManifestState state() {
        return state;
    }

    /** A table generation never handed out before, here or before a restart; increasing. */
    public synchronized long allocateGeneration() throws IOException {
        ensureWritable();
        long generation = state.nextGeneration();
        if (generation >= reservedUpTo) {
            long upTo = generation + GENERATION_BLOCK;
            append(new ManifestEdit.GenerationsReserved(upTo));
            reservedUpTo = upTo;
        }
        state = state.withNextGeneration(generation + 1);
        return generation;
    }

    /**
     * Records a new keyspace. Its flushed-up-to position starts at its creation: nothing of it is
     * logged before.
     *
     * @param keyspaceId at least {@code state().nextKeyspaceId()}
     * @throws IllegalStateException if the name is live or the id is taken
     */
    public synchronized void keyspaceCreated(String name, long keyspaceId, long createdAtSequence) throws IOException {
        if (!validName(name)) throw new IllegalArgumentException("invalid keyspace name '" + name + "'");
        edit(new ManifestEdit.KeyspaceCreated(name, keyspaceId, createdAtSequence));
    }

    /**
     * Records that a keyspace is gone: its tables are no longer live (the engine deletes its
     * table directory once no reader holds them).
     *
     * @throws IllegalStateException if no keyspace of the name is live
     */
    public synchronized void keyspaceDropped(String name, long droppedAtSequence) throws IOException {
        edit(new ManifestEdit.KeyspaceDropped(name, droppedAtSequence));
    }

    /**
     * Records a memtable flush: its table joins the live set and the keyspace is flushed up to the
     * position, in one edit.
     *
     * @param added the flushed table, or null if the memtable held nothing
     * @return false, writing nothing, if the keyspace is not live (dropped while it flushed)
     * @throws IllegalStateException if the position is before the keyspace's last flush
     */
    public synchronized boolean flushed(String name, TableEntry added, CommitLogPosition flushedUpTo) throws IOException {
        if (state.keyspace(name) == null) return false;
        edit(new ManifestEdit.Flushed(name, flushedUpTo, added));
        return true;
    }

    /**
     * Records a compaction: the removed generations leave the live set and the added tables join
     * it, in one edit.
     *
     * @return false, writing nothing, if the keyspace is not live or one of the removed
     *     generations no longer is
     */
    public synchronized boolean replaced(String name, List<Long> removedGenerations, List<TableEntry> added) throws IOException {
        KeyspaceEntry keyspace = state.keyspace(name);
        if (keyspace == null) return false;
        for (long generation : removedGenerations) if (!keyspace.hasTable(generation)) return false;
        edit(new ManifestEdit.Replaced(name, removedGenerations, added));
        return true;
    }

    /**
     * Records that commit-log segments below this id hold nothing to replay, and that new
     * segments are numbered from at least this id (see {@link ManifestState#firstSegmentId()}).
     */
    public synchronized void commitLogStartsAt(long segmentId) throws IOException {
        edit(new ManifestEdit.CommitLogStarts(segmentId));
    }

    /** Names are stored as ASCII with a 16-bit length; the SPI allows far less ({@code [A-Za-z0-9._-]{1,200}}). */
    private static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > 0xffff) return false;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x21 || name.charAt(i) > 0x7e) return false;
        }
        return true;
    }

    private void edit(ManifestEdit edit) throws IOException {
        ensureWritable();
        ManifestState after = state.apply(edit);
        append(edit);
        state = after;
        // The edit is durable now: a rewrite that fails must not make its caller think otherwise.
        if (log.size() > rewriteAfterBytes) rewrite();
    }

    private void append(ManifestEdit edit) throws IOException {
        try {
            log.append(ManifestEditCodec.encode(edit));
        } catch (ManifestFailedException e) {
            failed = e;
            throw e;
        }
    }

    /**
     * Compacts the log into one snapshot edit in the next file. Never fails: until the new file is
     * renamed into place the current one stays the truth (and is rewritten at a later edit), and
     * after it an old file left behind is deleted at the next open.
     */
    synchronized void rewrite() {
        if (closed || failed != null) return;
        ManifestLog previous = log;
        long number = previous.number() + 1;
        ManifestState snapshot = state.withNextGeneration(Math.max(state.nextGeneration(), reservedUpTo));
        try {
            log = ManifestLog.create(directory, number, snapshot);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(ManifestFile.temporary(directory, number));
            } catch (IOException cannotDelete) {
                e.addSuppressed(cannotDelete);
            }
            LOG.log(Level.WARNING, "Cannot rewrite manifest " + previous.path() + "; it keeps growing until a rewrite succeeds", e);
            return;
        }
        try {
            previous.close();
            Files.delete(previous.path());
            DirectorySync.sync(directory);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the rewritten manifest " + previous.path() + "; the next open deletes it", e);
        }
        LOG.fine(() -> "Rewrote manifest " + previous.path() + " as " + log.path());
    }

    private void ensureWritable() throws IOException {
        if (closed) throw new IllegalStateException("manifest " + directory + " is closed");
        if (failed != null) throw new ManifestFailedException(log.path(), failed);
    }

    /** The file edits go to now (tests). */
    synchronized Path currentFile() {
        return log.path();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        log.close();
    }
}
