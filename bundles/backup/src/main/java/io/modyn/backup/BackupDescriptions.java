package io.modyn.backup;

import io.modyn.api.backup.BackupDescription;
import io.modyn.api.backup.BackupDetails;
import io.modyn.api.backup.BackupSummary;
import io.modyn.api.backup.SourceTableDetails;
import io.modyn.api.backup.SourceTableFeatureDetails;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.model.TimeToLiveDescription;
import io.modyn.api.tables.TableArchives;
import io.modyn.backup.catalog.BackupRecord;

/** A catalog record as the backup operations describe it: BackupDetails, BackupDescription, BackupSummary. */
final class BackupDescriptions {

    private BackupDescriptions() {
    }

    static BackupDetails details(BackupRecord r) {
        return new BackupDetails(r.backupArn(), r.backupName(), r.sizeBytes(), r.status(), r.type(), r.createdAt(), r.expiresAt());
    }

    static BackupSummary summary(BackupRecord r) {
        return new BackupSummary(r.tableName(), r.tableId(), r.tableArn(), r.backupArn(), r.backupName(), r.createdAt(), r.expiresAt(),
                r.status(), r.type(), r.sizeBytes());
    }

    /** The backup with its source table as the manifest records it. */
    static BackupDescription description(BackupRecord r, TableArchives archives) {
        TableDescription source = archives.read(r.archiveKeyspace(), r.manifest()).source();
        TableDefinition table = source.definition();
        ProvisionedThroughputDescription capacity = table.provisionedThroughput();
        ProvisionedThroughput throughput = capacity == null ? new ProvisionedThroughput(0L, 0L)
                : new ProvisionedThroughput(capacity.readCapacityUnits(), capacity.writeCapacityUnits());
        SourceTableDetails details = new SourceTableDetails(table.tableName(), table.tableId(), source.tableArn(), source.tableSizeBytes(),
                table.keySchema(), table.creationDateTime(), throughput, source.itemCount(), table.billingMode());
        TimeToLiveDescription ttl = TimeToLiveDescription.DISABLED.equals(table.timeToLive().timeToLiveStatus()) ? null : table.timeToLive();
        SourceTableFeatureDetails features = new SourceTableFeatureDetails(table.localSecondaryIndexes(), table.globalSecondaryIndexes(),
                table.streamEnabled() ? table.streamSpecification() : null, ttl, source.sseDescription());
        return new BackupDescription(details(r), details, features);
    }
}
