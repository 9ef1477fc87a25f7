package io.modyn.export.job;

import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.export.format.DynamoDbJson;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Export and import jobs in the system keyspace {@value #KEYSPACE}: one record per job, keyed by
 * its ARN, holding its description as JSON. Every node of a shared backend sees the same jobs, and
 * a job survives a restart: what was IN_PROGRESS when the server stopped is found here and run again.
 */
public final class JobStore {

    public static final String KEYSPACE = "modyn.export_jobs";
    private static final byte[] NO_SORT = new byte[0];

    private final StorageEngine storage;

    public JobStore(StorageEngine storage) {
        this.storage = storage;
        if (!storage.keyspaceExists(KEYSPACE)) storage.createKeyspace(KEYSPACE);
    }

    public void save(String arn, JsonObject job) {
        try (StorageTransaction transaction = storage.begin()) {
            transaction.put(KEYSPACE, key(arn), NO_SORT, job.toString().getBytes(StandardCharsets.UTF_8));
            transaction.commit();
        }
    }

    /** The job an ARN names, or null. */
    public JsonObject find(String arn) {
        byte[] value = storage.get(KEYSPACE, key(arn), NO_SORT);
        return value == null ? null : DynamoDbJson.parseObject(new String(value, StandardCharsets.UTF_8));
    }

    /** Every job, in no particular order. */
    public List<JsonObject> all() {
        List<JsonObject> jobs = new ArrayList<>();
        try (RecordCursor cursor = storage.scan(KEYSPACE, 0, 1, null)) {
            while (cursor.hasNext()) {
                StorageRecord record = cursor.next();
                jobs.add(DynamoDbJson.parseObject(new String(record.value(), StandardCharsets.UTF_8)));
            }
        }
        return jobs;
    }

    private static byte[] key(String arn) {
        return arn.getBytes(StandardCharsets.UTF_8);
    }
}
