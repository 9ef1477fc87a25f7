package io.modyn.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the Modyn server to start comes from: a server folder (the one with {@code bin/modyn}, as
 * {@code distribution/target/modyn}) or the distribution archive {@code modyn-<version>.tar.gz},
 * unpacked once per JVM into a temporary folder. Given explicitly, or by the system property
 * {@value #PROPERTY}, or by the environment variable {@value #VARIABLE}.
 */
public final class ModynDistribution {

    public static final String PROPERTY = "modyn.distribution";
    public static final String VARIABLE = "MODYN_DISTRIBUTION";

    /** Archives already unpacked in this JVM, so that every server of a suite shares one copy. */
    private static final Map<Path, Path> UNPACKED = new ConcurrentHashMap<>();

    private ModynDistribution() {
    }

    /** The server folder named by {@value #PROPERTY} or {@value #VARIABLE}. */
    public static Path locate() {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) named = System.getenv(VARIABLE);
        if (named == null || named.isBlank()) {
            throw new IllegalStateException("No Modyn distribution: set the system property " + PROPERTY + " or the environment variable "
                    + VARIABLE + " to a server folder (with bin/modyn) or to modyn-<version>.tar.gz");
        }
        return serverFolder(Path.of(named));
    }

    /** The server folder of a folder or an archive. */
    public static Path serverFolder(Path folderOrArchive) {
        Path path = folderOrArchive.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            if (!Files.isExecutable(path.resolve("bin/modyn"))) throw new IllegalStateException(path + " has no executable bin/modyn");
            return path;
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".tar.gz")) {
            return UNPACKED.computeIfAbsent(path, ModynDistribution::unpack);
        }
        throw new IllegalStateException("Not a Modyn server folder or .tar.gz archive: " + path);
    }

    /** Unpacks with the system's tar, which keeps the launchers' executable bits. */
    private static Path unpack(Path archive) {
        try {
            Path target = Files.createTempDirectory("modyn-distribution");
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", target.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (!tar.waitFor(2, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IllegalStateException("Cannot unpack " + archive + ": " + output);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteQuietly(target)));
            try (Stream<Path> top = Files.list(target)) {
                return top.filter(folder -> Files.isExecutable(folder.resolve("bin/modyn"))).findFirst()
                        .orElseThrow(() -> new IllegalStateException(archive + " holds no server folder with bin/modyn"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted unpacking " + archive, e);
        }
    }
}
