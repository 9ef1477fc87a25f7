package io.modyn.protocol.json;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.GlobalSecondaryIndexUpdate;
import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SseSpecification;
import io.modyn.api.model.StreamSpecification;
import io.modyn.protocol.json.JsonInput.Placement;
import java.util.List;

/**
 * Reads the table lifecycle requests: CreateTable, DescribeTable, ListTables, UpdateTable and
 * DeleteTable. Members this server does not model (on-demand and warm throughput, replicas,
 * ...) are skipped like unknown members. Secondary indexes are read by {@link IndexRequestReader}.
 */
public final class TableRequestReader {

    private TableRequestReader() {
    }

    public static CreateTableRequest createTable(JsonInput in) {
        String tableName = null;
        List<AttributeDefinition> attributeDefinitions = null;
        List<KeySchemaElement> keySchema = null;
        String billingMode = null;
        ProvisionedThroughput provisionedThroughput = null;
        List<SecondaryIndexRequest> localSecondaryIndexes = null;
        List<SecondaryIndexRequest> globalSecondaryIndexes = null;
        StreamSpecification streamSpecification = null;
        List<Tag> tags = null;
        String tableClass = null;
        Boolean deletionProtectionEnabled = null;
        String resourcePolicy = null;
        SseSpecification sseSpecification = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "AttributeDefinitions" -> attributeDefinitions = readAttributeDefinitions(in);
                case "KeySchema" -> keySchema = readKeySchema(in);
                case "BillingMode" -> billingMode = in.readString();
                case "ProvisionedThroughput" -> provisionedThroughput = readProvisionedThroughput(in);
                case "LocalSecondaryIndexes" -> localSecondaryIndexes = IndexRequestReader.readLocalSecondaryIndexes(in);
                case "GlobalSecondaryIndexes" -> globalSecondaryIndexes = IndexRequestReader.readGlobalSecondaryIndexes(in);
                case "StreamSpecification" -> streamSpecification = readStreamSpecification(in);
                case "Tags" -> tags = readTags(in);
                case "TableClass" -> tableClass = in.readString();
                case "DeletionProtectionEnabled" -> deletionProtectionEnabled = in.readBoolean();
                case "ResourcePolicy" -> resourcePolicy = in.readString();
                case "SSESpecification" -> sseSpecification = readSseSpecification(in);
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new CreateTableRequest(tableName, attributeDefinitions, keySchema, billingMode, provisionedThroughput,
                localSecondaryIndexes, globalSecondaryIndexes, streamSpecification, tags, tableClass, deletionProtectionEnabled, resourcePolicy,
                sseSpecification);
    }

    public static DescribeTableRequest describeTable(JsonInput in) {
        return new DescribeTableRequest(readTableNameOnly(in));
    }

    public static DeleteTableRequest deleteTable(JsonInput in) {
        return new DeleteTableRequest(readTableNameOnly(in));
    }

    public static ListTablesRequest listTables(JsonInput in) {
        String exclusiveStartTableName = null;
        Integer limit = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ExclusiveStartTableName" -> exclusiveStartTableName = in.readString();
                case "Limit" -> limit = in.readInteger();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ListTablesRequest(exclusiveStartTableName, limit);
    }

    public static UpdateTableRequest updateTable(JsonInput in) {
        String tableName = null;
        List<AttributeDefinition> attributeDefinitions = null;
        String billingMode = null;
        ProvisionedThroughput provisionedThroughput = null;
        List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates = null;
        StreamSpecification streamSpecification = null;
        Boolean deletionProtectionEnabled = null;
        String tableClass = null;
        SseSpecification sseSpecification = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "AttributeDefinitions" -> attributeDefinitions = readAttributeDefinitions(in);
                case "BillingMode" -> billingMode = in.readString();
                case "ProvisionedThroughput" -> provisionedThroughput = readProvisionedThroughput(in);
                case "GlobalSecondaryIndexUpdates" -> globalSecondaryIndexUpdates = IndexRequestReader.readGlobalSecondaryIndexUpdates(in);
                case "StreamSpecification" -> streamSpecification = readStreamSpecification(in);
                case "DeletionProtectionEnabled" -> deletionProtectionEnabled = in.readBoolean();
                case "TableClass" -> tableClass = in.readString();
                case "SSESpecification" -> sseSpecification = readSseSpecification(in);
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new UpdateTableRequest(tableName, attributeDefinitions, billingMode, provisionedThroughput, globalSecondaryIndexUpdates,
                streamSpecification, deletionProtectionEnabled, tableClass, sseSpecification);
    }

    private static String readTableNameOnly(JsonInput in) {
        String tableName = null;
        in.beginRequest();
        while (in.nextMember()) {
            if (in.memberName().equals("TableName")) {
                tableName = in.readString();
            } else {
                in.skipValue();
            }
        }
        in.endRequest();
        return tableName;
    }

    /** Null list elements stay null: the engine reports them as DynamoDB does ("Member must not be null"). */
    static List<AttributeDefinition> readAttributeDefinitions(JsonInput in) {
        return in.readList(() -> {
            if (!in.beginStruct("AttributeDefinition", Placement.ELEMENT)) {
                return null;
            }
            String name = null;
            String type = null;
            while (in.nextMember()) {
                switch (in.memberName()) {
                    case "AttributeName" -> name = in.readString();
                    case "AttributeType" -> type = in.readString();
                    default -> in.skipValue();
                }
            }
            return new AttributeDefinition(name, type);
        });
    }

    /** A table's or an index's key schema. */
    static List<KeySchemaElement> readKeySchema(JsonInput in) {
        return in.readList(() -> {
            if (!in.beginStruct("KeySchemaElement", Placement.ELEMENT)) {
                return null;
            }
            String name = null;
            String keyType = null;
            while (in.nextMember()) {
                switch (in.memberName()) {
                    case "AttributeName" -> name = in.readString();
                    case "KeyType" -> keyType = in.readString();
                    default -> in.skipValue();
                }
            }
            return new KeySchemaElement(name, keyType);
        });
    }

    /** A table's or a global secondary index's ProvisionedThroughput member. */
    static ProvisionedThroughput readProvisionedThroughput(JsonInput in) {
        if (!in.beginStruct("ProvisionedThroughput", Placement.FIELD)) {
            return null;
        }
        Long read = null;
        Long write = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ReadCapacityUnits" -> read = in.readLong();
                case "WriteCapacityUnits" -> write = in.readLong();
                default -> in.skipValue();
            }
        }
        return new ProvisionedThroughput(read, write);
    }

    private static StreamSpecification readStreamSpecification(JsonInput in) {
        if (!in.beginStruct("StreamSpecification", Placement.FIELD)) {
            return null;
        }
        Boolean enabled = null;
        String viewType = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "StreamEnabled" -> enabled = in.readBoolean();
                case "StreamViewType" -> viewType = in.readString();
                default -> in.skipValue();
            }
        }
        return new StreamSpecification(enabled, viewType);
    }

    static SseSpecification readSseSpecification(JsonInput in) {
        if (!in.beginStruct("SSESpecification", Placement.FIELD)) {
            return null;
        }
        Boolean enabled = null;
        String sseType = null;
        String kmsMasterKeyId = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Enabled" -> enabled = in.readBoolean();
                case "SSEType" -> sseType = in.readString();
                case "KMSMasterKeyId" -> kmsMasterKeyId = in.readString();
                default -> in.skipValue();
            }
        }
        return new SseSpecification(enabled, sseType, kmsMasterKeyId);
    }

    /** The Tags of CreateTable and TagResource; null elements are kept for the engine to report. */
    static List<Tag> readTags(JsonInput in) {
        return in.readList(() -> {
            if (!in.beginStruct("Tag", Placement.ELEMENT)) {
                return null;
            }
            String key = null;
            String value = null;
            while (in.nextMember()) {
                switch (in.memberName()) {
                    case "Key" -> key = in.readString();
                    case "Value" -> value = in.readString();
                    default -> in.skipValue();
                }
            }
            return new Tag(key, value);
        });
    }
}
