package io.modyn.api.tables;

import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.RestoreSummary;
import io.modyn.api.model.SseSpecification;
import java.util.List;

/**
 * What {@link TableArchives#restore} makes: a new table named {@code targetTableName} from an
 * archive, with the archived table's settings except those overridden (null: not overridden; an
 * index override replaces the whole list, an empty one leaves the table without such indexes).
 *
 * @param summary the restore summary the new table reports (its {@code restoreInProgress} is managed by the engine)
 * @param dropArchiveWhenLoaded whether the engine drops the archive's keyspace once the table holds its items (an
 *     archive made for this restore alone, such as a point-in-time state)
 */
public record TableRestore(String targetTableName, TableArchive archive, String billingModeOverride,
        List<SecondaryIndexRequest> globalSecondaryIndexOverride, List<SecondaryIndexRequest> localSecondaryIndexOverride,
        ProvisionedThroughput provisionedThroughputOverride, SseSpecification sseSpecificationOverride, RestoreSummary summary,
        boolean dropArchiveWhenLoaded) {
}
