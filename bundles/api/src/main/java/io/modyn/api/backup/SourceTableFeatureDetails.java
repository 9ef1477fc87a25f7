package io.modyn.api.backup;

import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.SseDescription;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.model.TimeToLiveDescription;
import java.util.List;

/**
 * A backup's {@code SourceTableFeatureDetails}: the table's indexes, stream, TTL and encryption when
 * the backup was made. Empty lists and null members are left out of the answer.
 *
 * @param sseDescription the table's encryption with a KMS key, null under the owned key
 */
public record SourceTableFeatureDetails(List<SecondaryIndex> localSecondaryIndexes, List<SecondaryIndex> globalSecondaryIndexes,
        StreamSpecification streamDescription, TimeToLiveDescription timeToLiveDescription, SseDescription sseDescription) {

    public SourceTableFeatureDetails {
        localSecondaryIndexes = localSecondaryIndexes == null ? List.of() : List.copyOf(localSecondaryIndexes);
        globalSecondaryIndexes = globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
    }
}
