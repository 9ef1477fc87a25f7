package io.modyn.itests.support;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import java.util.concurrent.TimeUnit;

/**
 * Runs the AWS CLI ({@code aws}, version 1 or 2) against a Modyn endpoint as a user would: dummy
 * credentials and region from environment variables, {@code --endpoint-url}, JSON output. The
 * user's own AWS configuration files and profiles are kept out.
 */
public final class AwsCli {

    private final Path executable;
    private final URI endpoint;
    private final String region;
    private final Path home;
    /** Environment variables that replace the defaults below; a null value removes the variable. */
    private final Map<String, String> environmentOverrides;

    private AwsCli(Path executable, ModynServer server, Path home) {
        this(executable, server.endpoint(), server.region(), home, Map.of());
    }

    private AwsCli(Path executable, URI endpoint, String region, Path home, Map<String, String> environmentOverrides) {
        this.executable = executable;
        this.endpoint = endpoint;
        this.region = region;
        this.home = home;
        this.environmentOverrides = environmentOverrides;
    }

    /**
     * The same CLI with an environment variable set (or, for a null value, removed), e.g. other
     * credentials, or {@code AWS_SHARED_CREDENTIALS_FILE} without {@code AWS_ACCESS_KEY_ID}.
     */
    public AwsCli withEnvironment(String name, String value) {
        Map<String, String> overrides = new HashMap<>(environmentOverrides);
        overrides.put(name, value);
        return new AwsCli(executable, endpoint, region, home, Collections.unmodifiableMap(overrides));
    }

    /** The {@code aws} executable on the PATH, if there is one. */
    public static Optional<Path> findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "aws"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * The CLI on the PATH pointed at {@code server}, keeping its files under {@code target/aws-cli-<folder>}.
     * Without one the calling test is aborted (skipped loudly), and fails when the {@code CI}
     * variable is set: CI installs the CLI, so a missing one there is a broken build.
     */
    public static AwsCli required(ModynServer server, String folder) {
        Optional<Path> executable = findOnPath();
        if (executable.isEmpty()) {
            String message = "The AWS CLI (aws) is not on the PATH: the checks that use it cannot run.";
            if (System.getenv("CI") != null) throw new AssertionError(message + " CI is set, so this is a failure.");
            System.err.println("!!!!!!!! SKIPPED: " + message + " Install it to run them. !!!!!!!!");
            Assumptions.abort(message);
        }
        return of(executable.get(), server, Path.of("target", "aws-cli-" + folder).toAbsolutePath());
    }

    /** The CLI at {@code executable} pointed at {@code server}, keeping its files under {@code home}. */
    public static AwsCli of(Path executable, ModynServer server, Path home) {
        return new AwsCli(executable, server, home);
    }

    /**
     * Runs {@code aws <arguments> --endpoint-url … --output json}; answers the JSON it printed, or an
     * empty object for commands that print nothing (put-item).
     */
    public JsonObject run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("--endpoint-url", endpoint.toString(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_ACCESS_KEY_ID", TestCredentials.ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", TestCredentials.SECRET_ACCESS_KEY);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        environment.put("AWS_PAGER", "");
        environmentOverrides.forEach((name, value) -> {
            if (value == null) environment.remove(name);
            else environment.put(name, value);
        });
        try {
            Files.createDirectories(home);
            Path stderr = home.resolve("stderr.txt");
            Process process = builder.redirectError(stderr.toFile()).start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("aws did not finish within 120 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("aws exited with " + process.exitValue() + ": " + command + "\n"
                        + Files.readString(stderr));
            }
            return stdout.isBlank() ? JsonObject.EMPTY_JSON_OBJECT : JsonDocuments.parseObject(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
