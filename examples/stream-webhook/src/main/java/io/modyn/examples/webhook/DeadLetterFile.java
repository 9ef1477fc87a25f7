package io.modyn.examples.webhook;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.nio.ByteBuffer;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * The changes that could not be delivered, one JSON line each ({@code change}, {@code attempts},
 * {@code problem}, {@code failedAt}), appended and forced to disk so that none is lost when the
 * server stops. The file is readable by its owner only: it holds table data.
 */
final class DeadLetterFile {

    private static final JsonProvider JSON = new JsonProviderImpl();

    private final Path file;

    DeadLetterFile(Path file) {
        this.file = file;
    }

    synchronized void append(JsonObject change, Delivery.Outcome outcome) throws IOException {
        String line = JSON.createObjectBuilder()
                .add("change", change)
                .add("attempts", outcome.attempts())
                .add("problem", outcome.lastProblem() == null ? "" : outcome.lastProblem())
                .add("failedAt", Instant.now().toString())
                .build().toString() + "\n";
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another writer created it first: append to it.
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) channel.write(bytes);
            channel.force(false);
        }
    }
}
