package io.modyn.storage.file.sstable;

import io.modyn.storage.file.commitlog.NumberedFileName;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * Names of sorted-table files: {@code <generation, 20 digits>.sst}, and {@code .sst.tmp} while one
 * is written. The generation is unique in a data directory, so a name never comes back, and the
 * zero padding makes a directory listing sort by generation.
 */
public final class SortedTableFiles {

    private static final Logger LOG = Logger.getLogger(SortedTableFiles.class.getName());

    static final String SUFFIX = ".sst";
    private static final NumberedFileName NAME = new NumberedFileName("", SUFFIX);
    static final String TEMPORARY_SUFFIX = ".sst.tmp";

    private SortedTableFiles() {
    }

    public static String fileName(long generation) {
        return NAME.of(generation);
    }

    static String temporaryName(long generation) {
        return fileName(generation) + ".tmp";
    }

    /** The generation a table file's name carries. */
    public static long generationOf(Path file) {
        String name = file.getFileName().toString();
        long generation = NAME.numberOf(name);
        if (generation < 0) throw new IllegalArgumentException("not a sorted-table file name: " + name);
        return generation;
    }

    /** The finished table files of a directory, by generation; none if the directory does not exist. */
    public static List<Path> list(Path directory) throws IOException {
        List<Path> tables = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    generationOf(file);
                    tables.add(file);
                } catch (IllegalArgumentException notOurs) {
                    // Another file that happens to end in .sst: not a table of ours.
                }
            }
        } catch (NoSuchFileException absent) {
            return List.of();
        }
        tables.sort(Comparator.comparingLong(SortedTableFiles::generationOf));
        return tables;
    }

    /**
     * Deletes tables left half-written by a crash: a temporary file was never renamed, so nothing
     * refers to it. Call at start, before any writer of this directory runs.
     */
    public static void deleteTemporary(Path directory) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + TEMPORARY_SUFFIX)) {
            for (Path file : files) {
                long bytes = Files.size(file);
                Files.deleteIfExists(file);
                LOG.info(() -> "Deleted " + file + " (" + bytes + " bytes), a sorted table whose writing was interrupted");
            }
        } catch (NoSuchFileException absent) {
            // No directory, nothing left over.
        }
    }
}
