package io.modyn.examples.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterFileTest {

    @Test
    void undeliveredChangesAreAppendedAsJsonLinesToAnOwnerOnlyFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("dead/letters.jsonl");
        DeadLetterFile letters = new DeadLetterFile(file);
        letters.append(Json.createObjectBuilder().add("eventID", "e1").build(), new Delivery.Outcome(false, 5, "HTTP status 500"));
        letters.append(Json.createObjectBuilder().add("eventID", "e2").build(), new Delivery.Outcome(false, 1, "HTTP status 400"));

        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"change\":{\"eventID\":\"e1\"},\"attempts\":5,\"problem\":\"HTTP status 500\",\"failedAt\":\""),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"change\":{\"eventID\":\"e2\"},\"attempts\":1,"), lines.get(1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
