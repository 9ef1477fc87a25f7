package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AWS CLI works against Modyn as against DynamoDB: create-table, put-item, get-item, query and
 * scan with any credentials. Without {@code aws} on the PATH the class is skipped, loudly, except
 * on CI (environment variable {@code CI} set), where it fails.
 */
@ExtendWith(SharedModynServer.class)
class AwsCliTest {

    private static AwsCli aws;
    private static String table;

    @BeforeAll
    static void createTableWithTheCli(ModynServer server) {
        aws = AwsCli.required(server, "dynamodb");
        table = TestTables.uniqueName("cli");
        JsonObject created = aws.run("dynamodb", "create-table",
                "--table-name", table,
                "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N",
                "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE",
                "--billing-mode", "PAY_PER_REQUEST");
        assertEquals(table, created.getJsonObject("TableDescription").getString("TableName"));
        for (String item : List.of(
                "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"one\"}}",
                "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"2\"},\"v\":{\"S\":\"two\"},\"tags\":{\"SS\":[\"a\",\"b\"]}}",
                "{\"pk\":{\"S\":\"other\"},\"sk\":{\"N\":\"1.50\"}}")) {
            aws.run("dynamodb", "put-item", "--table-name", table, "--item", item);
        }
    }

    @Test
    void createTableAnswersTheTableDescription() {
        String name = TestTables.uniqueName("cli-create");
        JsonObject description = aws.run("dynamodb", "create-table",
                "--table-name", name,
                "--attribute-definitions", "AttributeName=id,AttributeType=S",
                "--key-schema", "AttributeName=id,KeyType=HASH",
                "--provisioned-throughput", "ReadCapacityUnits=2,WriteCapacityUnits=3")
                .getJsonObject("TableDescription");

        assertEquals(name, description.getString("TableName"));
        assertEquals("id", description.getJsonArray("KeySchema").getJsonObject(0).getString("AttributeName"));
        assertEquals(3, description.getJsonObject("ProvisionedThroughput").getInt("WriteCapacityUnits"));
    }

    @Test
    void getItemAnswersTheItemAsPut() {
        JsonObject item = aws.run("dynamodb", "get-item", "--table-name", table,
                "--key", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"2\"}}").getJsonObject("Item");

        assertEquals("two", item.getJsonObject("v").getString("S"));
        assertEquals(List.of("a", "b"), item.getJsonObject("tags").getJsonArray("SS")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).sorted().toList());
    }

    @Test
    void queryAnswersThePartitionInSortKeyOrder() {
        JsonObject result = aws.run("dynamodb", "query", "--table-name", table,
                "--key-condition-expression", "pk = :pk AND sk >= :low",
                "--expression-attribute-values", "{\":pk\":{\"S\":\"p\"},\":low\":{\"N\":\"1\"}}");

        assertEquals(2, result.getInt("Count"));
        assertEquals(List.of("1", "2"), result.getJsonArray("Items").stream()
                .map(JsonValue::asJsonObject).map(item -> item.getJsonObject("sk").getString("N")).toList());
    }

    @Test
    void scanAnswersEveryItem() {
        JsonObject result = aws.run("dynamodb", "scan", "--table-name", table);

        assertEquals(3, result.getInt("Count"));
        assertEquals(List.of("1", "1.5", "2"), result.getJsonArray("Items").stream()
                .map(JsonValue::asJsonObject).map(item -> item.getJsonObject("sk").getString("N")).sorted().toList());
    }
}
