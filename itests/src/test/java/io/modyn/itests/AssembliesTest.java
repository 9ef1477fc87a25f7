package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.BundleInfo;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The shipped assemblies (distribution/src/main/assemblies: dev, server, cluster), as the build made
 * them with bin/modyn-assemble, start and serve a write and a read through the AWS SDK: dev open to
 * loopback clients, server and cluster only to signed requests, with no --auth flag (their
 * conf/assembly.env says iam). An operator's assembly with an extra jar (by path, or by Maven
 * coordinates from the local repository) starts that jar; one that
 * lacks the engine, or names a jar whose import nothing exports, is refused when it is assembled,
 * naming the bundle and the requirement.
 */
@Timeout(180)
class AssembliesTest {

    private static final Map<String, String> ROOT_KEYS = Map.of("MODYN_ROOT_ACCESS_KEY_ID", TestCredentials.ACCESS_KEY_ID,
            "MODYN_ROOT_SECRET_ACCESS_KEY", TestCredentials.SECRET_ACCESS_KEY);

    private static final Path DISTRIBUTION = Path.of(System.getProperty("modyn.distribution", "../distribution/target/modyn"))
            .toAbsolutePath().normalize();
    private static final Path ASSEMBLIES = DISTRIBUTION.resolveSibling("assemblies");

    @TempDir
    Path work;

    @Test
    void devAssemblyServesLoopbackClientsOnFileStorage() throws Exception {
        assumeFileLeg();
        Path dev = ASSEMBLIES.resolve("dev");
        assertEquals(List.of("file", "memory", "postgres"), folders(dev.resolve("storage")), "dev has every backend, file the default");
        try (ModynServer server = ModynServer.startFolder(dev, "assembly-dev", List.of(), Map.of());
             DynamoDbClient client = DynamoDbClients.create(server)) {
            assertWriteAndRead(client);
        }
    }

    @Test
    void serverAssemblyServesOnlySignedRequestsOnFileStorage() throws Exception {
        assumeFileLeg();
        Path folder = ASSEMBLIES.resolve("server");
        assertEquals(List.of("file"), folders(folder.resolve("storage")));
        assertTrue(jarNames(folder.resolve("bundle")).stream().anyMatch(name -> name.startsWith("modyn-kms-")));
        try (ModynServer server = ModynServer.startFolder(folder, "assembly-server", List.of(), ROOT_KEYS)) {
            assertServesOnlySigned(server);
        }
    }

    @Test
    void clusterAssemblyServesOnlySignedRequestsOnPostgres() throws Exception {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.POSTGRES, "the cluster assembly has PostgreSQL storage only");
        Path folder = ASSEMBLIES.resolve("cluster");
        assertEquals(List.of("postgres"), folders(folder.resolve("storage")));
        try (ModynServer server = ModynServer.startFolder(folder, "assembly-cluster", List.of(), ROOT_KEYS)) {
            assertServesOnlySigned(server);
        }
    }

    @Test
    void operatorsAssemblyWithAnExtraJarStartsIt() throws Exception {
        assumeFileLeg();
        Path jar = writeBundle(work.resolve("jars/audit.jar"), "com.example.audit", null);
        Path file = writeAssembly("audited", "parts = protocol engine admin", "storage = file", "extension = jars/audit.jar");
        Path out = work.resolve("audited");
        Result result = assemble(file, out);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(Files.isRegularFile(out.resolve("bundle").resolve(jar.getFileName())), "the jar is in bundle/");
        assertTrue(Files.isRegularFile(work.resolve("audited.tar.gz")), "and the tarball beside the folder");
        assertFalse(jarNames(out.resolve("bundle")).stream().anyMatch(name -> name.startsWith("modyn-auth-iam-")), "only the parts named");
        try (ModynServer server = ModynServer.startFolder(out, "assembly-extra-jar", List.of(), Map.of());
             DynamoDbClient client = DynamoDbClients.create(server)) {
            assertWriteAndRead(client);
            BundleInfo audit = server.admin().bundle("com.example.audit").orElseThrow();
            assertEquals("ACTIVE", audit.state());
        }
    }

    @Test
    void extensionByMavenCoordinatesComesFromTheLocalRepositoryOnly() throws Exception {
        assumeFileLeg();
        Path repository = work.resolve("repository");
        writeBundle(repository.resolve("com/example/audit/1.0/audit-1.0.jar"), "com.example.audit", null);
        Path file = writeAssembly("by-coordinates", "parts = protocol engine admin", "storage = file",
                "extension = com.example:audit:1.0", "extension = com.example:absent:2.0");
        Result missing = assemble(file, work.resolve("by-coordinates"), Map.of("MODYN_MAVEN_REPO", repository.toString()));
        assertEquals(1, missing.exitCode(), missing.output());
        assertTrue(missing.output().contains("extension com.example:absent:2.0 is not in the local Maven repository"), missing.output());

        Files.write(file, Files.readAllLines(file).stream().filter(line -> !line.contains("absent")).toList());
        Result found = assemble(file, work.resolve("by-coordinates"), Map.of("MODYN_MAVEN_REPO", repository.toString()));
        assertEquals(0, found.exitCode(), found.output());
        assertTrue(Files.isRegularFile(work.resolve("by-coordinates/bundle/audit-1.0.jar")), found.output());
    }

    @Test
    void assemblyWithoutTheEngineIsRefusedNamingTheBundleAndTheRequirement() throws Exception {
        assumeFileLeg();
        Path file = writeAssembly("no-engine", "parts = protocol admin", "storage = file");
        Result result = assemble(file, work.resolve("no-engine"));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("bundle io.modyn.protocol"), result.output());
        assertTrue(result.output().contains("osgi.service (objectClass=io.modyn.api.dynamodb.DynamoDbService)"), result.output());
        assertFalse(Files.exists(work.resolve("no-engine")), "nothing is written");
    }

    @Test
    void extensionWithAnUnsatisfiedImportIsRefusedNamingTheBundleAndThePackage() throws Exception {
        assumeFileLeg();
        writeBundle(work.resolve("broken.jar"), "com.example.broken", "com.example.absent;version=\"[1.0,2)\"");
        Path file = writeAssembly("broken", "parts = protocol engine admin", "storage = file", "extension = broken.jar");
        Result result = assemble(file, work.resolve("broken"));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("bundle com.example.broken (broken.jar) requires osgi.wiring.package"), result.output());
        assertTrue(result.output().contains("(osgi.wiring.package=com.example.absent)"), result.output());
    }

    private static void assertServesOnlySigned(ModynServer server) {
        try (DynamoDbClient root = DynamoDbClients.create(server);
             DynamoDbClient stranger = DynamoDbClients.builder(server).credentialsProvider(StaticCredentialsProvider.create(
                     AwsBasicCredentials.create("AKIANOTKNOWNANYWHERE", "not-a-secret-of-this-server"))).build()) {
            DynamoDbException refused = assertThrows(DynamoDbException.class, stranger::listTables);
            assertEquals("UnrecognizedClientException", refused.awsErrorDetails().errorCode());
            assertWriteAndRead(root);
        }
    }

    private static void assertWriteAndRead(DynamoDbClient client) {
        client.createTable(request -> request.tableName("Assembled")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.putItem(request -> request.tableName("Assembled")
                .item(Map.of("id", AttributeValue.fromS("a"), "part", AttributeValue.fromS("engine"))));
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName("Assembled")
                .key(Map.of("id", AttributeValue.fromS("a"))).consistentRead(true)).item();
        assertEquals("engine", item.get("part").s());
    }

    private record Result(int exitCode, String output) {
    }

    /** bin/modyn-assemble of the built distribution, as an operator runs it. */
    private Result assemble(Path file, Path out) throws Exception {
        return assemble(file, out, Map.of());
    }

    private Result assemble(Path file, Path out, Map<String, String> environment) throws Exception {
        Path log = work.resolve("assemble-" + file.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(DISTRIBUTION.resolve("bin/modyn-assemble").toString(), file.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bin/modyn-assemble did not finish");
        return new Result(process.exitValue(), Files.readString(log));
    }

    private Path writeAssembly(String name, String... lines) throws IOException {
        List<String> text = new ArrayList<>(List.of("name = " + name));
        text.addAll(List.of(lines));
        return Files.write(work.resolve(name + ".assembly"), text);
    }

    /** A bundle with no code: a manifest, and an import when one is given. */
    private static Path writeBundle(Path path, String symbolicName, String importPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        if (importPackage != null) main.putValue("Import-Package", importPackage);
        Files.createDirectories(path.getParent());
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("README.txt"));
            jar.write(symbolicName.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return path;
    }

    private static List<String> folders(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> jarNames(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    private static void assumeFileLeg() {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.FILE, "runs once, in the file storage leg");
    }
}
