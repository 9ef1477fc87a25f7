package io.modyn.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * AWS's DynamoDB Local, the reference emulator, in its in-memory mode, started from this
 * module's classpath (written by the build to target/classpath.txt) in a JVM of its own.
 */
final class DynamoDbLocalProcess extends ServerProcess {

    private final String classpath;
    private final Path nativeLibraries;

    DynamoDbLocalProcess(String classpath, Path nativeLibraries) {
        super("DynamoDB Local (in memory)");
        this.classpath = classpath;
        this.nativeLibraries = nativeLibraries;
    }

    @Override
    List<String> command(Path workDirectory) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.library.path=" + nativeLibraries,
                "-cp", classpath,
                "com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
                "-inMemory", "-port", String.valueOf(port));
    }
}
