package io.modyn.protocol.json;

import io.modyn.api.dynamodb.GlobalSecondaryIndexUpdate;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.protocol.json.JsonInput.Placement;
import java.util.List;

/**
 * Reads the secondary index members of CreateTable ({@code LocalSecondaryIndexes},
 * {@code GlobalSecondaryIndexes}) and UpdateTable ({@code GlobalSecondaryIndexUpdates}). Null list
 * elements are kept for the engine to report, as in the rest of the table requests; an on-demand
 * or warm throughput is skipped like an unknown member.
 */
final class IndexRequestReader {

    private IndexRequestReader() {
    }

    static List<SecondaryIndexRequest> readLocalSecondaryIndexes(JsonInput in) {
        return in.readList(() -> readIndex(in, "LocalSecondaryIndex", Placement.ELEMENT));
    }

    static List<SecondaryIndexRequest> readGlobalSecondaryIndexes(JsonInput in) {
        return in.readList(() -> readIndex(in, "GlobalSecondaryIndex", Placement.ELEMENT));
    }

    /**
     * Each element names one action: {@code Create} (a whole index), {@code Update} (a new
     * throughput) or {@code Delete}; an element with several or none is passed on as it came.
     */
    static List<GlobalSecondaryIndexUpdate> readGlobalSecondaryIndexUpdates(JsonInput in) {
        return in.readList(() -> {
            if (!in.beginStruct("GlobalSecondaryIndexUpdate", Placement.ELEMENT)) {
                return null;
            }
            SecondaryIndexRequest create = null;
            String updateIndexName = null;
            ProvisionedThroughput updateThroughput = null;
            String deleteIndexName = null;
            while (in.nextMember()) {
                switch (in.memberName()) {
                    case "Create" -> create = readIndex(in, "CreateGlobalSecondaryIndexAction", Placement.FIELD);
                    case "Update" -> {
                        UpdateAction update = readUpdateAction(in);
                        if (update != null) {
                            updateIndexName = update.indexName;
                            updateThroughput = update.provisionedThroughput;
                        }
                    }
                    case "Delete" -> deleteIndexName = readDeleteAction(in);
                    default -> in.skipValue();
                }
            }
            return new GlobalSecondaryIndexUpdate(create, updateIndexName, updateThroughput, deleteIndexName);
        });
    }

    /** One index definition; local indexes have no ProvisionedThroughput, which then stays null. */
    private static SecondaryIndexRequest readIndex(JsonInput in, String shape, Placement placement) {
        if (!in.beginStruct(shape, placement)) {
            return null;
        }
        String indexName = null;
        List<KeySchemaElement> keySchema = null;
        IndexProjection projection = null;
        ProvisionedThroughput provisionedThroughput = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "IndexName" -> indexName = in.readString();
                case "KeySchema" -> keySchema = TableRequestReader.readKeySchema(in);
                case "Projection" -> projection = readProjection(in);
                case "ProvisionedThroughput" -> provisionedThroughput = TableRequestReader.readProvisionedThroughput(in);
                default -> in.skipValue();
            }
        }
        return new SecondaryIndexRequest(indexName, keySchema, projection, provisionedThroughput);
    }

    private static IndexProjection readProjection(JsonInput in) {
        if (!in.beginStruct("Projection", Placement.FIELD)) {
            return null;
        }
        String projectionType = null;
        List<String> nonKeyAttributes = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ProjectionType" -> projectionType = in.readString();
                case "NonKeyAttributes" -> nonKeyAttributes = in.readStringList();
                default -> in.skipValue();
            }
        }
        return new IndexProjection(projectionType, nonKeyAttributes);
    }

    private static UpdateAction readUpdateAction(JsonInput in) {
        if (!in.beginStruct("UpdateGlobalSecondaryIndexAction", Placement.FIELD)) {
            return null;
        }
        UpdateAction update = new UpdateAction();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "IndexName" -> update.indexName = in.readString();
                case "ProvisionedThroughput" -> update.provisionedThroughput = TableRequestReader.readProvisionedThroughput(in);
                default -> in.skipValue();
            }
        }
        return update;
    }

    private static String readDeleteAction(JsonInput in) {
        if (!in.beginStruct("DeleteGlobalSecondaryIndexAction", Placement.FIELD)) {
            return null;
        }
        String indexName = null;
        while (in.nextMember()) {
            if (in.memberName().equals("IndexName")) {
                indexName = in.readString();
            } else {
                in.skipValue();
            }
        }
        return indexName;
    }

    /** The two members of an Update action, which the api model flattens into the update record. */
    private static final class UpdateAction {
        String indexName;
        ProvisionedThroughput provisionedThroughput;
    }
}
