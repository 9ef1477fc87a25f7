package io.modyn.protocol.json;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.protocol.json.JsonInput.Placement;
import java.util.List;

/**
 * Reads the control-plane requests: CreateTable, DescribeTable, ListTables, UpdateTable and
 * DeleteTable. Members this server does not model yet (indexes, streams, SSE, tags, ...) are
 * skipped like unknown members.
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
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "AttributeDefinitions" -> attributeDefinitions = readAttributeDefinitions(in);
                case "KeySchema" -> keySchema = readKeySchema(in);
                case "BillingMode" -> billingMode = in.readString();
                case "ProvisionedThroughput" -> provisionedThroughput = readProvisionedThroughput(in);
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new CreateTableRequest(tableName, attributeDefinitions, keySchema, billingMode, provisionedThroughput);
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
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "AttributeDefinitions" -> attributeDefinitions = readAttributeDefinitions(in);
                case "BillingMode" -> billingMode = in.readString();
                case "ProvisionedThroughput" -> provisionedThroughput = readProvisionedThroughput(in);
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new UpdateTableRequest(tableName, attributeDefinitions, billingMode, provisionedThroughput);
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
    private static List<AttributeDefinition> readAttributeDefinitions(JsonInput in) {
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

    private static List<KeySchemaElement> readKeySchema(JsonInput in) {
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

    private static ProvisionedThroughput readProvisionedThroughput(JsonInput in) {
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
}
