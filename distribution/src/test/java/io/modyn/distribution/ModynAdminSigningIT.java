package io.modyn.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bin/modyn-admin hands to curl, seen by a stand-in {@code curl} first on the PATH that records
 * its arguments and its standard input: the root's keys go to curl only through its configuration
 * on standard input (never its arguments, which any local user sees in the process list), quoted so
 * that any secret survives; with keys it signs ({@code --aws-sigv4 aws:amz:<region>:modyn}) and
 * sends the token in X-Modyn-Admin-Token, without them, or with {@code --auth none}, it sends the
 * token alone; query parameters go out sorted and encoded as SigV4 wants them.
 */
class ModynAdminSigningIT {

    static final String TOKEN = "0123456789abcdef".repeat(4);
    static final String KEY_ID = "AKIAMODYNROOT0000001";
    /** Quotes, a backslash and a '+' and '/' as generated secrets have. */
    static final String SECRET = "se\"cr\\et/Key+0\"";

    private final Path server = AssembledBundles.serverFolder();

    @TempDir
    Path directory;
    private Path dataDir;
    private Path fakeBin;

    @BeforeEach
    void fakeCurlAndDataDirectory() throws IOException {
        dataDir = Files.createDirectory(directory.resolve("data"));
        Files.writeString(dataDir.resolve("admin-token"), TOKEN + "\n");
        fakeBin = Files.createDirectory(directory.resolve("bin"));
        Path curl = Files.writeString(fakeBin.resolve("curl"), "#!/bin/sh\n"
                + "printf '%s\\n' \"$@\" > \"" + directory.resolve("args") + "\"\n"
                + "cat > \"" + directory.resolve("config") + "\"\n"
                + "printf 'done\\n200'\n");
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void rootKeysFromTheEnvironmentSignThroughStandardInputOnly() throws Exception {
        Result result = run(Map.of("MODYN_ROOT_ACCESS_KEY_ID", KEY_ID, "MODYN_ROOT_SECRET_ACCESS_KEY", SECRET),
                "--region", "eu-west-1", "stop", "io.modyn.kms");
        assertEquals(0, result.exitCode(), result.output());
        assertEquals("done", result.output());
        List<String> arguments = arguments();
        assertFalse(String.join(" ", arguments).contains("se\"cr"), "the secret is in curl's arguments: " + arguments);
        assertFalse(String.join(" ", arguments).contains(TOKEN), "the token is in curl's arguments: " + arguments);
        assertTrue(arguments.containsAll(List.of("--aws-sigv4", "aws:amz:eu-west-1:modyn", "-K", "-", "POST")), arguments.toString());
        assertTrue(arguments.contains("http://127.0.0.1:8001/bundles/io.modyn.kms/stop?format=text"), arguments.toString());
        assertEquals("header = \"X-Modyn-Admin-Token: " + TOKEN + "\"\nuser = \"" + KEY_ID + ":se\\\"cr\\\\et/Key+0\\\"\"\n",
                config());
    }

    @Test
    void rootKeysFromTheRootCredentialsFileSign() throws Exception {
        Files.writeString(dataDir.resolve("root-credentials"), "# generated\n[other]\naws_access_key_id = NOTTHISONE\n"
                + "[default]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key =  abc/def+ghi \n");
        Result result = run(Map.of(), "--auth", "iam", "list");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(arguments().contains("aws:amz:us-east-1:modyn"), arguments().toString());
        assertEquals("header = \"X-Modyn-Admin-Token: " + TOKEN + "\"\nuser = \"" + KEY_ID + ":abc/def+ghi\"\n", config());
    }

    @Test
    void withoutKeysOrWithAuthNoneTheTokenGoesAlone() throws Exception {
        assertEquals(0, run(Map.of(), "list").exitCode());
        assertFalse(arguments().contains("--aws-sigv4"), arguments().toString());
        assertEquals("header = \"Authorization: Bearer " + TOKEN + "\"\n", config());

        Result none = run(Map.of("MODYN_ROOT_ACCESS_KEY_ID", KEY_ID, "MODYN_ROOT_SECRET_ACCESS_KEY", SECRET),
                "--auth", "none", "list");
        assertEquals(0, none.exitCode(), none.output());
        assertFalse(arguments().contains("--aws-sigv4"), arguments().toString());
        assertEquals("header = \"Authorization: Bearer " + TOKEN + "\"\n", config());
    }

    @Test
    void authIamWithoutKeysSaysWhereItLooked() throws Exception {
        Result result = run(Map.of(), "--auth", "iam", "list");
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("MODYN_ROOT_ACCESS_KEY_ID")
                && result.output().contains(dataDir.resolve("root-credentials").toString()), result.output());
        assertFalse(Files.exists(directory.resolve("args")), "curl was run");
    }

    @Test
    void installSendsItsQuerySortedAndEncodedAsSigV4Wants() throws Exception {
        Result result = run(Map.of("MODYN_ROOT_ACCESS_KEY_ID", KEY_ID, "MODYN_ROOT_SECRET_ACCESS_KEY", SECRET),
                "--json", "install", "--start", "/srv/modyn/ext dir/my~bundle_1.0.jar");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(arguments().contains("http://127.0.0.1:8001/bundles/install?format=json"
                + "&location=%2Fsrv%2Fmodyn%2Fext%20dir%2Fmy~bundle_1.0.jar&start=true"), arguments().toString());
    }

    private List<String> arguments() throws IOException {
        return Files.readAllLines(directory.resolve("args"));
    }

    private String config() throws IOException {
        return Files.readString(directory.resolve("config"));
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(server.resolve("bin/modyn-admin").toString(), "--data-dir",
                dataDir.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("MODYN_"));
        builder.environment().putAll(environment);
        builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/modyn-admin did not exit");
        }
        return new Result(process.exitValue(), output);
    }
}
