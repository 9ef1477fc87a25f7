package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * bin/modyn's flags take effect ({@code --port}, {@code --bind} and {@code --admin-port} are used
 * by every test): here a region other than the default, and a data directory outside the server
 * folder. This class runs its own server.
 */
class ServerOptionsTest {

    private static final String REGION = "eu-west-2";

    private static ModynServer server;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("options", REGION);
        dynamo = DynamoDbClients.create(server);
    }

    @AfterAll
    static void stopServer() {
        if (dynamo != null) dynamo.close();
        if (server != null) server.close();
    }

    @Test
    void regionFlagIsTheRegionOfTableArns() {
        String name = TestTables.createHashTable(dynamo, "region", ScalarAttributeType.S);
        TableDescription table = dynamo.describeTable(describe -> describe.tableName(name)).table();

        assertTrue(table.tableArn().startsWith("arn:aws:dynamodb:" + REGION + ":"), table.tableArn());
    }

    @Test
    void healthLineNamesTheRegion() {
        WireResponse health = new WireClient(server).request("GET").withoutHeader("Content-Type").unsigned().send();

        assertEquals(200, health.status());
        assertTrue(health.text().startsWith("healthy: dynamodb." + REGION + ".amazonaws.com"), health::text);
    }

    @Test
    void dataDirFlagChoosesWhereTheDataIsKept() throws IOException {
        String name = TestTables.createHashTable(dynamo, "data-dir", ScalarAttributeType.S);
        dynamo.putItem(put -> put.tableName(name).item(Map.of("pk", s("stored"))));

        assertTrue(containsFiles(server.dataDir()), "no files under --data-dir " + server.dataDir());
        Path defaultDataDir = server.home().resolve("data");
        assertTrue(!Files.exists(defaultDataDir) || !containsFiles(defaultDataDir),
                "data written to the default " + defaultDataDir + " despite --data-dir");
    }

    private static boolean containsFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }
}
