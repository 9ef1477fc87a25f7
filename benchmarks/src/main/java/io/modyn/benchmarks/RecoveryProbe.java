package io.modyn.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Recovery time after {@code kill -9}: the server is killed with SIGKILL on the data its workloads
 * left, started again on the same data directory, and timed from spawning the process until it
 * answers ready (Modyn: {@code /health/ready} 200, which waits for storage recovery). One loaded
 * item is then read back to show the data came back with it.
 */
final class RecoveryProbe {

    record Recovery(long dataDirectoryBytes, Duration untilReady, boolean itemReadBack) {
    }

    private RecoveryProbe() {
    }

    static Recovery measure(ServerUnderTest server, Dataset dataset) throws IOException, InterruptedException {
        long bytes = directoryBytes(server.dataDirectory());
        Duration untilReady = server.killAndRestart();
        RequestTemplate get = dataset.key(RequestTemplate.builder("GetItem").text("{\"TableName\":\"" + dataset.table() + "\",\"Key\":{"))
                .text("}}").build(server.host());
        get.setDigits(0, 0);
        get.setDigits(1, 0);
        try (HttpConnection connection = new HttpConnection(server.address())) {
            int status = connection.exchange(get.bytes(), get.length());
            return new Recovery(bytes, untilReady, status == 200 && connection.bodyText().contains("\"Item\""));
        }
    }

    static long directoryBytes(Path directory) throws IOException {
        if (directory == null || !Files.isDirectory(directory)) return -1;
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    if (Files.exists(file)) throw new UncheckedIOException(e);
                    return 0; // deleted while walking (a segment recycled)
                }
            }).sum();
        }
    }
}
