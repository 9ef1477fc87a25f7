package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The AWS CLI's backup commands against Modyn: create-backup answers the backup's details and
 * list-backups finds it by table. Skipped, loudly, without {@code aws} on the PATH (failed on CI).
 */
@ExtendWith(SharedModynServer.class)
class BackupsCliTest {

    @Test
    void createBackupAndListBackupsWork(ModynServer server, DynamoDbClient dynamo) {
        AwsCli aws = AwsCli.required(server, "dynamodb");
        String table = TestTables.createHashTable(dynamo, "bk-cli", ScalarAttributeType.S);
        JsonObject details = aws.run("dynamodb", "create-backup", "--table-name", table, "--backup-name", "from-cli")
                .getJsonObject("BackupDetails");
        assertEquals("from-cli", details.getString("BackupName"));
        String arn = details.getString("BackupArn");
        assertTrue(arn.contains(":table/" + table + "/backup/"), arn);
        JsonObject listed = aws.run("dynamodb", "list-backups", "--table-name", table);
        assertEquals(arn, listed.getJsonArray("BackupSummaries").getJsonObject(0).getString("BackupArn"));
    }
}
