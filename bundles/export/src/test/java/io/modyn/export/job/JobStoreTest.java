package io.modyn.export.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.export.CsvOptions;
import io.modyn.api.export.ExportDescription;
import io.modyn.api.export.ImportTableDescription;
import io.modyn.api.export.S3BucketSource;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobStoreTest {

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/Tab";

    @Test
    void anExportJobIsStoredAndFoundAgain() {
        JobStore store = new JobStore(new InMemoryStorageEngine());
        String arn = TABLE + "/export/01700000000000-0123abcd";
        ExportDescription d = new ExportDescription(arn, "IN_PROGRESS", Instant.ofEpochMilli(1_700_000_000_123L), null, null, TABLE,
                "id", Instant.ofEpochMilli(1_700_000_000_000L), "token", "bucket", null, "prefix", null, null, null, null, "ION", 10, 2,
                "FULL_EXPORT", null);
        store.save(arn, JobJson.export(new ExportJob(d, "123456789012")));
        ExportJob found = JobJson.export(store.find(arn));
        assertEquals(d, found.description());
        assertEquals("123456789012", found.accountId());
        assertEquals(1, store.all().size());
        assertNull(store.find(TABLE + "/export/01700000000000-ffffffff"));
    }

    @Test
    void anImportJobKeepsItsTableCreationParameters() {
        JobStore store = new JobStore(new InMemoryStorageEngine());
        String arn = TABLE + "/import/01700000000000-0123abcd";
        CreateTableRequest table = new CreateTableRequest("T", List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("g", "N")),
                List.of(new KeySchemaElement("pk", "HASH")), "PROVISIONED", new ProvisionedThroughput(5L, 6L), null,
                List.of(new SecondaryIndexRequest("G", List.of(new KeySchemaElement("g", "HASH")), new IndexProjection("INCLUDE", List.of("a")),
                        new ProvisionedThroughput(1L, 2L))), null, null, null, null);
        ImportTableDescription d = new ImportTableDescription(arn, "IN_PROGRESS", TABLE, "id", null, new S3BucketSource("b", null, "p/"), 3,
                "arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*", "CSV", new CsvOptions("|", List.of("pk", "g")), "ZSTD",
                table, Instant.ofEpochMilli(5), null, 100, 4, 1, null, null);
        store.save(arn, JobJson.importJob(new ImportJob(d, null)));
        ImportJob found = JobJson.importJob(store.find(arn));
        assertEquals(d, found.description());
        assertNull(found.accountId());
    }

    @Test
    void jobIdsAndArnsHaveDynamoDbsShape() {
        String id = JobArns.newJobId(Instant.ofEpochMilli(1_695_048_328_000L));
        assertEquals(23, id.length());
        assertEquals("01695048328000-", id.substring(0, 15));
        assertEquals(id, JobArns.jobId(TABLE + "/export/" + id));
        assertEquals(TABLE, JobArns.jobTable(TABLE + "/import/" + id));
        assertEquals("Tab", JobArns.tableName(TABLE));
        assertNull(JobArns.tableName("arn:aws:dynamodb:us-east-1:000000000000:table/T/export/x"));
        assertEquals("p/AWSDynamoDB/" + id + "/", ExportRunner.exportBase("p/", id));
        assertEquals("AWSDynamoDB/" + id + "/", ExportRunner.exportBase(null, id));
    }
}
