package io.modyn.storage.file.lifecycle;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.DirectorySync;
import io.modyn.storage.file.commitlog.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The format version of a data directory, in its {@code FORMAT} file: one line of text,
 * {@code modyn-storage-file 2}. A directory without that file is new if it holds no storage
 * files, or in format 1 (written before the file existed) if it holds a snapshot or a commit-log
 * segment. A directory in a newer format, or with a FORMAT file this version cannot read, is
 * refused before anything in it is touched: guessing would damage data a newer Modyn wrote.
 */
public final class FormatVersion {

    /** No storage data yet: the directory is created in the current format. */
    public static final int NEW = 0;
    /** Snapshots and a commit log, no sorted tables: upgraded at the first start. */
    public static final int LEGACY = 1;
    /** Manifest, commit log and sorted tables. */
    public static final int CURRENT = 2;

    public static final String FILE_NAME = "FORMAT";
    private static final String TEMPORARY_NAME = "FORMAT.tmp";
    private static final Pattern LINE = Pattern.compile("modyn-storage-file ([0-9]{1,9})\n?");

    private FormatVersion() {
    }

    /**
     * The format of the data in a directory, reading only: {@link #NEW} (also for a directory
     * that does not exist), {@link #LEGACY} or {@link #CURRENT}.
     *
     * @throws StorageException if the format is newer than this version reads, or unreadable
     */
    public static int check(Path root) throws IOException {
        Path file = root.resolve(FILE_NAME);
        if (Files.exists(file)) return parse(root, readStart(file));
        if (!Files.isDirectory(root)) return NEW;
        if (holdsLegacyFiles(root)) return LEGACY;
        if (holdsAny(root.resolve(DataDirectory.MANIFEST)) || holdsAny(root.resolve(DataDirectory.TABLES))) {
            throw new StorageException("data directory " + root + " holds a manifest or sorted tables but no " + FILE_NAME
                    + " file; nothing was changed. If this Modyn (storage format " + CURRENT + ") wrote it, restore the file with the line '"
                    + line(CURRENT).strip() + "'", false);
        }
        return NEW;
    }

    /** The first bytes of the file as Latin-1 text: enough to match the one line, whatever the file holds. */
    private static String readStart(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(64), StandardCharsets.ISO_8859_1);
        }
    }

    private static int parse(Path root, String content) {
        Matcher matcher = LINE.matcher(content);
        if (!matcher.matches()) {
            throw new StorageException("data directory " + root + " has a " + FILE_NAME + " file this Modyn cannot read ('"
                    + content.strip() + "', expected '" + line(CURRENT).strip() + "'); nothing was changed", false);
        }
        int version = Integer.parseInt(matcher.group(1));
        if (version > CURRENT) {
            throw new StorageException("data directory " + root + " is in storage format " + version
                    + ", written by a newer Modyn; this Modyn reads formats " + LEGACY + " to " + CURRENT
                    + ". Nothing was changed: run the newer Modyn on it, or restore a backup of this version", false);
        }
        if (version < CURRENT) {
            throw new StorageException("data directory " + root + " names storage format " + version + " in its " + FILE_NAME
                    + " file, which no Modyn writes (format " + LEGACY + " has no such file); nothing was changed", false);
        }
        return version;
    }

    /** Whether the directory holds files of format 1: a snapshot file or a commit-log segment. */
    public static boolean holdsLegacyFiles(Path root) throws IOException {
        return LegacyFiles.snapshotsExist(root.resolve(DataDirectory.SNAPSHOTS)) || LegacyFiles.segmentsExist(root.resolve(DataDirectory.COMMIT_LOG));
    }

    private static boolean holdsAny(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) return false;
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isPresent();
        }
    }

    /**
     * Writes the FORMAT file for the current format, durably and atomically (temporary file,
     * fsync, rename, directory fsync): it is what tells the next start that the directory is
     * complete in this format.
     */
    public static void write(Path root) throws IOException {
        Path temporary = root.resolve(TEMPORARY_NAME);
        try (FileChannel out = OwnerOnly.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(line(CURRENT).getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) out.write(bytes);
            out.force(true);
        }
        Files.move(temporary, root.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.sync(root);
    }

    static String line(int version) {
        return "modyn-storage-file " + version + "\n";
    }
}
