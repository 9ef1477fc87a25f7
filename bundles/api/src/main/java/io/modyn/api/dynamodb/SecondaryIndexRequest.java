package io.modyn.api.dynamodb;

import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import java.util.List;

/** A secondary index as CreateTable and UpdateTable (Create) ask for it; unset members are null. */
public record SecondaryIndexRequest(
        String indexName, List<KeySchemaElement> keySchema, IndexProjection projection, ProvisionedThroughput provisionedThroughput) {
}
