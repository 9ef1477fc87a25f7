package io.modyn.storage.file.manifest;

import io.modyn.storage.file.commitlog.NumberedFileName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Manifest file names: {@code manifest-<n:20 digits>.log}, where n grows with each rewrite. A
 * manifest file is created as {@code ….log.tmp} holding the whole state, and renamed only once
 * durable, so a file with the final name always starts with a complete snapshot edit; only edits
 * appended after it can be torn.
 */
final class ManifestFile {

    private static final Logger LOG = Logger.getLogger(ManifestFile.class.getName());

    static final byte[] MAGIC = "MDYNMANF".getBytes(StandardCharsets.US_ASCII);
    private static final NumberedFileName NAME = new NumberedFileName("manifest-", ".log");
    private static final String TEMPORARY_SUFFIX = ".log.tmp";
    private static final NumberedFileName TEMPORARY_NAME = new NumberedFileName("manifest-", TEMPORARY_SUFFIX);

    private ManifestFile() {
    }

    static Path path(Path directory, long number) {
        return directory.resolve(NAME.of(number));
    }

    static Path temporary(Path directory, long number) {
        return directory.resolve(TEMPORARY_NAME.of(number));
    }

    /** The number in a manifest file's name, or -1 if the name is not one. */
    static long numberOf(Path path) {
        return NAME.numberOf(path.getFileName().toString());
    }

    /** Complete manifest files, oldest first. */
    static List<Path> list(Path directory) throws IOException {
        List<Path> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(p -> numberOf(p) >= 0).forEach(manifests::add);
        }
        manifests.sort((a, b) -> Long.compare(numberOf(a), numberOf(b)));
        return manifests;
    }

    /** Removes rewrites a crash interrupted before their rename. */
    static void deleteTemporary(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(TEMPORARY_SUFFIX)) {
                    LOG.info(() -> "Removing " + file + ", a manifest rewrite a crash interrupted");
                    Files.delete(file);
                }
            }
        }
    }
}
