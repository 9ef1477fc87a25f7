package io.modyn.benchmarks;

/**
 * The table the storage workloads use and how its items look. Every item has a string partition
 * key {@code pk} ("p" and ten digits), a numeric sort key {@code sk} (one digit) and a string
 * {@code v} of random letters that brings the item to {@code itemBytes} by DynamoDB's item-size
 * rule (attribute names plus values). The loaded items fill partitions of ten (so a Query of one
 * partition returns ten items); the first {@code hotItems} of them are the hot set GetItem reads.
 * PutItem writes new items into partitions after the loaded ones, so the data grows as it would.
 */
record Dataset(String table, int itemBytes, long loadedItems, long hotItems) {

    static final int PARTITION_DIGITS = 10;
    static final long PARTITION_SPACE = 10_000_000_000L;
    static final int ITEMS_PER_PARTITION = 10;

    Dataset {
        if (payloadBytes(itemBytes) < 1) throw new IllegalArgumentException("items must be larger than " + (itemBytes - payloadBytes(itemBytes) + 1) + " bytes");
    }

    long loadedPartitions() {
        return (loadedItems + ITEMS_PER_PARTITION - 1) / ITEMS_PER_PARTITION;
    }

    int payloadBytes() {
        return payloadBytes(itemBytes);
    }

    /** Names "pk", "sk", "v" (5 bytes), the key values ("p" + 10 digits; a one-digit number counts 2): 18 bytes besides v. */
    private static int payloadBytes(int itemBytes) {
        return itemBytes - 5 - (1 + PARTITION_DIGITS) - 2;
    }

    /** The item JSON with three slots in order: partition digits, sort digit, payload. */
    RequestTemplate.Builder item(RequestTemplate.Builder builder) {
        return key(builder.text("{")).text(",\"v\":{\"S\":\"").slot(payloadBytes()).text("\"}}");
    }

    /** The key members with two slots: partition digits, sort digit. */
    RequestTemplate.Builder key(RequestTemplate.Builder builder) {
        return builder.text("\"pk\":{\"S\":\"p").slot(PARTITION_DIGITS).text("\"},\"sk\":{\"N\":\"").slot(1).text("\"}");
    }

    String createTableJson() {
        return "{\"TableName\":\"" + table + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}";
    }

    String tableJson() {
        return "{\"TableName\":\"" + table + "\"}";
    }
}
