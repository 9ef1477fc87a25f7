package io.modyn.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An extension registered in code, with settings of its own, reached through its accessors. */
class RegisteredExtensionTest {

    @RegisterExtension
    static final ModynExtension MODYN = ModynExtension.builder().region("eu-west-1").build();

    @Test
    void settingsReachTheServer() throws Exception {
        DynamoDbClient dynamo = MODYN.dynamoDbClient();
        ModynServerTest.createTable(dynamo, "orders");
        String arn = dynamo.describeTable(b -> b.tableName("orders")).table().tableArn();
        assertTrue(arn.startsWith("arn:aws:dynamodb:eu-west-1:"), arn);
        assertTrue(Files.readString(MODYN.server().log()).contains("storage memory"));
        assertEquals(MODYN.server().endpoint(), MODYN.endpoint());
    }
}
