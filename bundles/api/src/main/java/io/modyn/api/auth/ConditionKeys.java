package io.modyn.api.auth;

/**
 * The names of the request-specific condition keys the engine puts in an
 * {@link AuthorizationRequest}, with what each holds. These are DynamoDB's fine-grained access
 * control keys and the tagging keys; global keys ({@code aws:SourceIp}, ...) are the authorizer's
 * to derive from the {@link io.modyn.api.dynamodb.RequestContext}, and {@code aws:ResourceTag/*}
 * comes from {@link ResourceTags}.
 */
public final class ConditionKeys {

    /**
     * The partition key values of the items the request touches (one value per distinct key): the
     * Key of GetItem/UpdateItem/DeleteItem and transaction items, the Item's partition key for
     * PutItem, every key of a batch's table, the equality value of a Query's key condition (the
     * index's partition key value for an index Query). Strings as sent, numbers as their decimal
     * text, binary as base64.
     */
    public static final String LEADING_KEYS = "dynamodb:LeadingKeys";

    /**
     * The top-level attribute names the request reads or writes: the table's key attributes
     * whenever the request names an item, projection and condition/filter attributes, the item's
     * attributes for PutItem, the updated attributes for UpdateItem.
     */
    public static final String ATTRIBUTES = "dynamodb:Attributes";

    /** Query, Scan, GetItem, BatchGetItem, TransactGetItems: the Select in effect (the default when not sent). */
    public static final String SELECT = "dynamodb:Select";

    /** Write operations: the ReturnValues the request sent (absent when it sent none). */
    public static final String RETURN_VALUES = "dynamodb:ReturnValues";

    /** Data-plane operations: the ReturnConsumedCapacity the request sent (absent when it sent none). */
    public static final String RETURN_CONSUMED_CAPACITY = "dynamodb:ReturnConsumedCapacity";

    /** Items of a transaction: {@code TransactWriteItems} or {@code TransactGetItems}. */
    public static final String ENCLOSING_OPERATION = "dynamodb:EnclosingOperation";

    /**
     * A PartiQL SELECT that reads without a partition key equality: {@code true}. IAM defines it for
     * {@code dynamodb:PartiQLSelect} only, not for Scan; nothing sets it until PartiQL exists here.
     */
    public static final String FULL_TABLE_SCAN = "dynamodb:FullTableScan";

    /** TagResource, CreateTable with tags: the tag keys sent; UntagResource: the keys to remove. */
    public static final String TAG_KEYS = "aws:TagKeys";

    /** TagResource, CreateTable with tags: prefix of one key per tag, {@code aws:RequestTag/<key>}, holding its value. */
    public static final String REQUEST_TAG_PREFIX = "aws:RequestTag/";

    private ConditionKeys() {
    }
}
