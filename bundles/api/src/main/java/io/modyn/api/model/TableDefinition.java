package io.modyn.api.model;

import java.time.Instant;
import java.util.List;

/**
 * The durable definition of a table: what CreateTable, UpdateTable and UpdateTimeToLive decide.
 *
 * <p>The table id is a UUID fixed at creation; storage keyspaces are named after it (and after
 * each index's id), so a table deleted and created again under the same name never sees the old
 * data. {@code billingModeSummary} is null for a table that was created with provisioned capacity
 * and never changed mode, which is when DynamoDB leaves it out of DescribeTable.
 * {@code latestStreamLabel} is null for a table that never had a stream; {@code tableClass} is
 * null until a class is chosen (the table is then STANDARD, and DescribeTable shows no
 * TableClassSummary, as DynamoDB does). {@code restoreSummary} is null unless the table was
 * restored from a backup or a point in time. {@code changeCaptureEnabled} says whether every item
 * change is passed to the change capture (point-in-time recovery). Build and change
 * definitions with {@link #builder()} and {@link #toBuilder()}.
 */
public record TableDefinition(
        String tableName,
        String tableId,
        List<KeySchemaElement> keySchema,
        List<AttributeDefinition> attributeDefinitions,
        BillingModeSummary billingModeSummary,
        ProvisionedThroughputDescription provisionedThroughput,
        Instant creationDateTime,
        String tableStatus,
        List<SecondaryIndex> globalSecondaryIndexes,
        List<SecondaryIndex> localSecondaryIndexes,
        StreamSpecification streamSpecification,
        String latestStreamLabel,
        TimeToLiveDescription timeToLive,
        boolean deletionProtectionEnabled,
        String tableClass,
        RestoreSummary restoreSummary,
        boolean changeCaptureEnabled) {

    public static final String ACTIVE = "ACTIVE";
    public static final String CREATING = "CREATING";
    public static final String UPDATING = "UPDATING";
    public static final String DELETING = "DELETING";
    public static final String STANDARD = "STANDARD";

    public TableDefinition {
        keySchema = List.copyOf(keySchema);
        attributeDefinitions = List.copyOf(attributeDefinitions);
        globalSecondaryIndexes = globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = localSecondaryIndexes == null ? List.of() : List.copyOf(localSecondaryIndexes);
        if (timeToLive == null) timeToLive = new TimeToLiveDescription(TimeToLiveDescription.DISABLED, null);
    }

    /** A definition without a restore summary and change capture (the members before 1.5). */
    public TableDefinition(String tableName, String tableId, List<KeySchemaElement> keySchema, List<AttributeDefinition> attributeDefinitions,
            BillingModeSummary billingModeSummary, ProvisionedThroughputDescription provisionedThroughput, Instant creationDateTime,
            String tableStatus, List<SecondaryIndex> globalSecondaryIndexes, List<SecondaryIndex> localSecondaryIndexes,
            StreamSpecification streamSpecification, String latestStreamLabel, TimeToLiveDescription timeToLive,
            boolean deletionProtectionEnabled, String tableClass) {
        this(tableName, tableId, keySchema, attributeDefinitions, billingModeSummary, provisionedThroughput, creationDateTime, tableStatus,
                globalSecondaryIndexes, localSecondaryIndexes, streamSpecification, latestStreamLabel, timeToLive, deletionProtectionEnabled,
                tableClass, null, false);
    }

    /** The partition (HASH) key attribute's name. */
    public String partitionKeyName() {
        return keySchema.stream().filter(KeySchemaElement::isHash).findFirst().orElseThrow().attributeName();
    }

    /** The sort (RANGE) key attribute's name, or null for a table with a simple key. */
    public String sortKeyName() {
        return keySchema.stream().filter(k -> !k.isHash()).map(KeySchemaElement::attributeName).findFirst().orElse(null);
    }

    /** The declared type of a key attribute, or null if it is not declared. */
    public String attributeType(String attributeName) {
        return attributeDefinitions.stream()
                .filter(d -> d.attributeName().equals(attributeName))
                .map(AttributeDefinition::attributeType)
                .findFirst().orElse(null);
    }

    /** The billing mode in force: PROVISIONED unless the summary says otherwise. */
    public String billingMode() {
        return billingModeSummary == null ? BillingModeSummary.PROVISIONED : billingModeSummary.billingMode();
    }

    /** True if the table has a stream that is on. */
    public boolean streamEnabled() {
        return streamSpecification != null && Boolean.TRUE.equals(streamSpecification.streamEnabled());
    }

    /** The global or local secondary index of that name, or null. */
    public SecondaryIndex index(String indexName) {
        for (SecondaryIndex index : globalSecondaryIndexes) if (index.indexName().equals(indexName)) return index;
        for (SecondaryIndex index : localSecondaryIndexes) if (index.indexName().equals(indexName)) return index;
        return null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.tableName = tableName;
        b.tableId = tableId;
        b.keySchema = keySchema;
        b.attributeDefinitions = attributeDefinitions;
        b.billingModeSummary = billingModeSummary;
        b.provisionedThroughput = provisionedThroughput;
        b.creationDateTime = creationDateTime;
        b.tableStatus = tableStatus;
        b.globalSecondaryIndexes = globalSecondaryIndexes;
        b.localSecondaryIndexes = localSecondaryIndexes;
        b.streamSpecification = streamSpecification;
        b.latestStreamLabel = latestStreamLabel;
        b.timeToLive = timeToLive;
        b.deletionProtectionEnabled = deletionProtectionEnabled;
        b.tableClass = tableClass;
        b.restoreSummary = restoreSummary;
        b.changeCaptureEnabled = changeCaptureEnabled;
        return b;
    }

    /** Builds a definition member by member; unset lists are empty, unset members null. */
    public static final class Builder {
        private String tableName;
        private String tableId;
        private List<KeySchemaElement> keySchema = List.of();
        private List<AttributeDefinition> attributeDefinitions = List.of();
        private BillingModeSummary billingModeSummary;
        private ProvisionedThroughputDescription provisionedThroughput;
        private Instant creationDateTime;
        private String tableStatus = ACTIVE;
        private List<SecondaryIndex> globalSecondaryIndexes = List.of();
        private List<SecondaryIndex> localSecondaryIndexes = List.of();
        private StreamSpecification streamSpecification;
        private String latestStreamLabel;
        private TimeToLiveDescription timeToLive;
        private boolean deletionProtectionEnabled;
        private String tableClass;
        private RestoreSummary restoreSummary;
        private boolean changeCaptureEnabled;

        private Builder() {
        }

        public Builder tableName(String v) { tableName = v; return this; }
        public Builder tableId(String v) { tableId = v; return this; }
        public Builder keySchema(List<KeySchemaElement> v) { keySchema = v; return this; }
        public Builder attributeDefinitions(List<AttributeDefinition> v) { attributeDefinitions = v; return this; }
        public Builder billingModeSummary(BillingModeSummary v) { billingModeSummary = v; return this; }
        public Builder provisionedThroughput(ProvisionedThroughputDescription v) { provisionedThroughput = v; return this; }
        public Builder creationDateTime(Instant v) { creationDateTime = v; return this; }
        public Builder tableStatus(String v) { tableStatus = v; return this; }
        public Builder globalSecondaryIndexes(List<SecondaryIndex> v) { globalSecondaryIndexes = v; return this; }
        public Builder localSecondaryIndexes(List<SecondaryIndex> v) { localSecondaryIndexes = v; return this; }
        public Builder streamSpecification(StreamSpecification v) { streamSpecification = v; return this; }
        public Builder latestStreamLabel(String v) { latestStreamLabel = v; return this; }
        public Builder timeToLive(TimeToLiveDescription v) { timeToLive = v; return this; }
        public Builder deletionProtectionEnabled(boolean v) { deletionProtectionEnabled = v; return this; }
        public Builder tableClass(String v) { tableClass = v; return this; }
        public Builder restoreSummary(RestoreSummary v) { restoreSummary = v; return this; }
        public Builder changeCaptureEnabled(boolean v) { changeCaptureEnabled = v; return this; }

        public TableDefinition build() {
            return new TableDefinition(tableName, tableId, keySchema, attributeDefinitions, billingModeSummary, provisionedThroughput,
                    creationDateTime, tableStatus, globalSecondaryIndexes, localSecondaryIndexes, streamSpecification,
                    latestStreamLabel, timeToLive, deletionProtectionEnabled, tableClass, restoreSummary,
                    changeCaptureEnabled);
        }
    }
}
