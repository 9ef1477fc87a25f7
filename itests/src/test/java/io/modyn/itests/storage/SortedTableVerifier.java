package io.modyn.itests.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the operators' tool {@code bin/modyn-sstable verify FILE...} of a server folder over the
 * sorted-table files ({@code *.sst}) under a data directory: the tool checks every CRC and exits
 * with status 0 only when every file verifies. The server must not be running (files come and go
 * with flushes and compactions).
 */
final class SortedTableVerifier {

    static final String TOOL = "bin/modyn-sstable";
    private static final long TIMEOUT_SECONDS = 120;

    private final Path tool;

    private SortedTableVerifier(Path tool) {
        this.tool = tool;
    }

    /** The verifier of the server folder {@code home}; empty while the distribution has no {@value #TOOL}. */
    static Optional<SortedTableVerifier> of(Path home) {
        Path tool = home.resolve(TOOL);
        return Files.isExecutable(tool) ? Optional.of(new SortedTableVerifier(tool)) : Optional.empty();
    }

    /** Every sorted-table file under {@code dataDirectory}, whatever its layout below (tables/, snapshots/). */
    static List<Path> tableFiles(Path dataDirectory) {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sst") && Files.isRegularFile(file)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dataDirectory, e);
        }
    }

    /** Verifies {@code files}; returns one line per failure (the tool's exit status and output), empty when all verify. */
    List<String> verify(List<Path> files) {
        if (files.isEmpty()) return List.of();
        List<String> command = new ArrayList<>(List.of(tool.toString(), "verify"));
        files.forEach(file -> command.add(file.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of(TOOL + " verify did not finish within " + TIMEOUT_SECONDS + " s over " + files.size() + " files");
            }
            if (process.exitValue() == 0) return List.of();
            return List.of(TOOL + " verify exited with " + process.exitValue() + " over " + files + ":\n"
                    + new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
