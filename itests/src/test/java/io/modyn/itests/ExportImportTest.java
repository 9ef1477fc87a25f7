package io.modyn.itests;

import io.modyn.itests.support.ModynServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link ExportImportContract} without {@code --s3-endpoint}: a bucket is the directory
 * {@code <data>/s3/<bucket>} and an object the file at its key below it.
 */
class ExportImportTest extends ExportImportContract {

    @Override
    protected ModynServer startServer() {
        return ModynServer.start("export-import-local");
    }

    @Override
    protected void createBucket(String bucket) throws Exception {
        Files.createDirectories(bucket(bucket));
    }

    @Override
    protected void putObject(String bucket, String key, byte[] content) throws Exception {
        Path file = bucket(bucket).resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    @Override
    protected byte[] getObject(String bucket, String key) throws Exception {
        Path file = bucket(bucket).resolve(key);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    @Override
    protected List<String> listKeys(String bucket, String prefix) throws Exception {
        Path root = bucket(bucket);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(key -> key.startsWith(prefix)).sorted().toList();
        }
    }

    private Path bucket(String bucket) {
        return server.dataDir().resolve("s3").resolve(bucket);
    }
}
