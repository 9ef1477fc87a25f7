package io.modyn.api.streams;

import io.modyn.api.model.KeySchemaElement;
import java.time.Instant;
import java.util.List;

public record StreamDescription(
        String streamArn,
        String streamLabel,
        String streamStatus,
        String streamViewType,
        Instant creationRequestDateTime,
        String tableName,
        List<KeySchemaElement> keySchema,
        List<Shard> shards,
        String lastEvaluatedShardId) {
}
