package io.modyn.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The assembled server folder as an operator finds it, and bin/modyn's argument handling. */
class ServerLayoutIT {

    private final Path server = AssembledBundles.serverFolder();

    @Test
    void launchersAreExecutableAndFelixMainIsThere() throws IOException {
        assertTrue(Files.isExecutable(server.resolve("bin/modyn")));
        assertTrue(Files.isExecutable(server.resolve("bin/modyn-admin")));
        assertTrue(Files.isExecutable(server.resolve("bin/modyn-sstable")));
        try (JarFile felix = new JarFile(server.resolve("bin/felix.jar").toFile())) {
            assertEquals("org.apache.felix.main.Main", felix.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void deployAndDataFoldersExist() {
        assertTrue(Files.isDirectory(server.resolve("deploy")));
        assertTrue(Files.isDirectory(server.resolve("extensions")), "the folder bin/modyn-admin install takes bundles from");
        assertTrue(Files.isDirectory(server.resolve("data")));
    }

    @Test
    void everyComponentHasAConfigurationFile() {
        for (String pid : new String[] {"io.modyn.protocol", "io.modyn.engine", "io.modyn.storage.file",
                "io.modyn.storage.postgres", "io.modyn.admin", "io.modyn.auth.iam", "io.modyn.kms", "io.modyn.metrics", "io.modyn.export",
                "org.apache.felix.fileinstall-deploy"}) {
            assertTrue(Files.isRegularFile(server.resolve("conf/" + pid + ".cfg")), pid);
        }
    }

    /** config.properties names two bundle files; a version bump must not leave it pointing nowhere. */
    @Test
    void earlyStartBundlesNamedInConfigExist() throws IOException {
        Properties config = new Properties();
        try (var in = Files.newBufferedReader(server.resolve("conf/config.properties"), StandardCharsets.ISO_8859_1)) {
            config.load(in);
        }
        for (String key : new String[] {"felix.auto.start.1", "felix.auto.start.2"}) {
            String location = config.getProperty(key);
            String prefix = "file:${modyn.home}/";
            assertTrue(location.startsWith(prefix), key + "=" + location);
            assertTrue(Files.isRegularFile(server.resolve(location.substring(prefix.length()))), key + "=" + location);
        }
        assertEquals("com.sun.net.httpserver,com.sun.management", config.getProperty("org.osgi.framework.system.packages.extra"));
    }

    @Test
    void helpExplainsEveryOption() throws Exception {
        Result help = run("modyn", "--help");
        assertEquals(0, help.exitCode());
        for (String option : new String[] {"--port", "--bind", "--data-dir", "--region", "--admin-port",
                "MODYN_PORT", "MODYN_BIND", "MODYN_DATA_DIR", "MODYN_REGION", "MODYN_ADMIN_PORT",
                "--storage", "--jdbc-url", "--jdbc-user", "--jdbc-password-file", "--jdbc-schema",
                "MODYN_STORAGE", "MODYN_JDBC_URL", "MODYN_JDBC_USER", "MODYN_JDBC_PASSWORD_FILE", "MODYN_JDBC_SCHEMA",
                "MODYN_JDBC_PASSWORD", "--metrics-port", "--metrics-bind", "--metrics-signed", "MODYN_METRICS_PORT",
                "MODYN_METRICS_BIND", "MODYN_METRICS_SIGNED", "--in-memory", "MODYN_IN_MEMORY"}) {
            assertTrue(help.output().contains(option), option);
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeJavaStarts() throws Exception {
        Result unknown = run("modyn", "--prot", "8000");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.output().contains("unknown option '--prot'"), unknown.output());

        Result notANumber = run("modyn", "--port=http");
        assertEquals(2, notANumber.exitCode());
        assertTrue(notANumber.output().contains("--port must be a port number"), notANumber.output());

        assertEquals(2, run("modyn", "--data-dir").exitCode());
    }

    @Test
    void storageChoicesAreCheckedBeforeJavaStarts() throws Exception {
        Result unknown = run("modyn", "--storage", "mysql");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.output().contains("--storage must be file, postgres or memory"), unknown.output());

        Result noUrl = run("modyn", "--storage", "postgres");
        assertEquals(2, noUrl.exitCode());
        assertTrue(noUrl.output().contains("--storage postgres needs --jdbc-url"), noUrl.output());

        Result wrongUrl = run("modyn", "--storage=postgres", "--jdbc-url=jdbc:mysql://db/modyn");
        assertEquals(2, wrongUrl.exitCode());
        assertTrue(wrongUrl.output().contains("--jdbc-url must start with jdbc:postgresql:"), wrongUrl.output());

        Result badSchema = run("modyn", "--storage", "postgres", "--jdbc-url", "jdbc:postgresql://db/modyn", "--jdbc-schema", "Modyn");
        assertEquals(2, badSchema.exitCode());
        assertTrue(badSchema.output().contains("--jdbc-schema must be a lower-case identifier"), badSchema.output());
    }

    /** Exactly one storage backend runs: each has a folder of its own, and no backend is among the shared bundles. */
    @Test
    void eachStorageBackendHasItsOwnFolder() throws IOException {
        assertTrue(Files.isRegularFile(server.resolve("storage/file/modyn-storage-file-" + version() + ".jar")));
        assertTrue(Files.isRegularFile(server.resolve("storage/postgres/modyn-storage-postgres-" + version() + ".jar")));
        assertTrue(Files.isRegularFile(server.resolve("storage/memory/modyn-storage-memory-" + version() + ".jar")));
        try (var shared = Files.list(server.resolve("bundle"))) {
            assertEquals(List.of(), shared.map(jar -> jar.getFileName().toString()).filter(name -> name.startsWith("modyn-storage-")).toList());
        }
    }

    private String version() throws IOException {
        try (var api = Files.list(server.resolve("bundle"))) {
            String jar = api.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("modyn-api-")).findFirst().orElseThrow();
            return jar.substring("modyn-api-".length(), jar.length() - ".jar".length());
        }
    }

    @Test
    void adminClientListsItsCommandsAndRefusesOthers() throws Exception {
        Result help = run("modyn-admin", "--help");
        assertEquals(0, help.exitCode());
        for (String command : new String[] {"list", "start", "stop", "update", "install", "uninstall"}) {
            assertTrue(help.output().contains("  " + command + " "), command);
        }
        Result unknown = run("modyn-admin", "restart", "7");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.output().contains("unknown command 'restart'"), unknown.output());
    }

    /**
     * bin/modyn-sstable finds Java and the storage and API jars of the server folder: a file that is
     * no table gets the storage code's own diagnosis, which only a started tool can give.
     */
    @Test
    void sortedTableToolRunsOnTheServerFoldersJars() throws Exception {
        Result help = run("modyn-sstable", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.output().contains("modyn-sstable verify FILE..."), help.output());
        assertEquals(2, run("modyn-sstable", "compact", "x").exitCode());

        Path notATable = Files.createTempFile("not-a-table", ".sst");
        try {
            Files.writeString(notATable, "x".repeat(200));
            Result verify = run("modyn-sstable", "verify", notATable.toString());
            assertEquals(1, verify.exitCode(), verify.output());
            assertEquals("CORRUPT " + notATable + ": footer: no footer magic: not a sorted table, or cut short", verify.output().strip());
            Result dump = run("modyn-sstable", "dump", notATable.toString());
            assertEquals(1, dump.exitCode(), dump.output());
        } finally {
            Files.delete(notATable);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String launcher, String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = server.resolve("bin").resolve(launcher).toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/" + launcher + " " + String.join(" ", arguments) + " did not exit");
        }
        return new Result(process.exitValue(), output);
    }
}
