package io.modyn.protocol.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.export.DynamoDbExportService;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.protocol.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router(() -> null, () -> null);

    @Test
    void everyDynamoDbOperationIsRoutedByItsTarget() {
        for (String name : List.of("CreateTable", "DescribeTable", "ListTables", "UpdateTable", "DeleteTable",
                "PutItem", "GetItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "Query", "Scan",
                "TransactWriteItems", "TransactGetItems", "UpdateTimeToLive", "DescribeTimeToLive", "TagResource",
                "UntagResource", "ListTagsOfResource", "PutResourcePolicy", "GetResourcePolicy", "DeleteResourcePolicy",
                "DescribeLimits", "DescribeEndpoints")) {
            assertEquals(name, router.forTarget("DynamoDB_20120810." + name).operationName());
        }
    }

    @Test
    void everyStreamsOperationIsRoutedByItsTarget() {
        for (String name : List.of("ListStreams", "DescribeStream", "GetShardIterator", "GetRecords")) {
            assertEquals(name, router.forTarget("DynamoDBStreams_20120810." + name).operationName());
        }
    }

    @Test
    void exportAndImportOperationsExistOnlyWhileTheirServiceIsBound() {
        List<String> names = List.of("ExportTableToPointInTime", "DescribeExport", "ListExports", "ImportTable", "DescribeImport",
                "ListImports");
        for (String name : names) {
            assertNull(router.forTarget("DynamoDB_20120810." + name), name);
        }
        DynamoDbExportService bound = (DynamoDbExportService) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbExportService.class}, (proxy, method, arguments) -> null);
        Router withExports = new Router(() -> null, () -> null, () -> null, () -> bound);
        for (String name : names) {
            assertEquals(name, withExports.forTarget("DynamoDB_20120810." + name).operationName());
        }
    }

    @Test
    void otherTargetsAreUnknown() {
        assertNull(router.forTarget(null));
        assertNull(router.forTarget("DynamoDB_20120810."));
        assertNull(router.forTarget("DynamoDB_20120810.GetRecords"));
        assertNull(router.forTarget("DynamoDBStreams_20120810.PutItem"));
        assertNull(router.forTarget("DynamoDB_20111205.PutItem"));
        assertNull(router.forTarget("dynamodb_20120810.PutItem"));
        assertNull(router.forTarget("DynamoDB_20120810.putItem"));
    }

    @Test
    void backupOperationsAreRoutedOnlyWhileABackupServiceIsBound() {
        java.util.concurrent.atomic.AtomicReference<io.modyn.api.backup.DynamoDbBackupService> bound =
                new java.util.concurrent.atomic.AtomicReference<>();
        Router withBackups = new Router(() -> null, () -> null, bound::get, () -> null);
        List<String> names = List.of("CreateBackup", "DescribeBackup", "ListBackups", "DeleteBackup", "RestoreTableFromBackup",
                "UpdateContinuousBackups", "DescribeContinuousBackups", "RestoreTableToPointInTime");
        for (String name : names) assertNull(withBackups.forTarget("DynamoDB_20120810." + name), name);
        bound.set((io.modyn.api.backup.DynamoDbBackupService) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {io.modyn.api.backup.DynamoDbBackupService.class}, (proxy, method, args) -> null));
        for (String name : names) assertEquals(name, withBackups.forTarget("DynamoDB_20120810." + name).operationName());
        assertNull(withBackups.forTarget("DynamoDBStreams_20120810.CreateBackup"));
    }

    @Test
    void aRequestIsReadBeforeTheServiceIsLookedUpAndRunsOnlyWhenItIsBound() {
        Route.ReadCall call = router.forTarget("DynamoDBStreams_20120810.GetRecords")
                .read(new JsonCodec().input("{\"ShardIterator\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        DynamoException error = assertThrows(DynamoException.class, () -> call.execute(new RequestContext("id", null)));
        assertEquals(ErrorType.SERVICE_UNAVAILABLE, error.type());
    }
}
