package io.modyn.api.model;

/**
 * DynamoDB's error types with the namespace and HTTP status it sends them with.
 *
 * <p>The wire {@code __type} is {@code namespace + "#" + name}. Request-shape errors come from
 * DynamoDB's service framework ("coral") namespaces; DynamoDB's own errors from its API namespace.
 * SDKs match on the part after {@code #}, and retry the types marked retryable.
 */
public enum ErrorType {
    VALIDATION("com.amazon.coral.validate", "ValidationException", 400, false),
    SERIALIZATION("com.amazon.coral.service", "SerializationException", 400, false),
    UNKNOWN_OPERATION("com.amazon.coral.service", "UnknownOperationException", 400, false),
    MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service", "MissingAuthenticationTokenException", 400, false),
    INCOMPLETE_SIGNATURE("com.amazon.coral.service", "IncompleteSignatureException", 400, false),
    INVALID_SIGNATURE("com.amazon.coral.service", "InvalidSignatureException", 400, false),
    UNRECOGNIZED_CLIENT("com.amazon.coral.service", "UnrecognizedClientException", 400, false),
    ACCESS_DENIED("com.amazon.coral.service", "AccessDeniedException", 400, false),
    /** Temporary (STS) credentials used after their expiration. */
    EXPIRED_TOKEN("com.amazon.coral.service", "ExpiredTokenException", 400, false),
    REQUEST_ENTITY_TOO_LARGE("com.amazon.coral.service", "RequestEntityTooLarge", 413, false),
    RESOURCE_NOT_FOUND(Namespaces.DYNAMODB, "ResourceNotFoundException", 400, false),
    RESOURCE_IN_USE(Namespaces.DYNAMODB, "ResourceInUseException", 400, false),
    CONDITIONAL_CHECK_FAILED(Namespaces.DYNAMODB, "ConditionalCheckFailedException", 400, false),
    LIMIT_EXCEEDED(Namespaces.DYNAMODB, "LimitExceededException", 400, false),
    ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED(Namespaces.DYNAMODB, "ItemCollectionSizeLimitExceededException", 400, false),
    PROVISIONED_THROUGHPUT_EXCEEDED(Namespaces.DYNAMODB, "ProvisionedThroughputExceededException", 400, true),
    THROTTLING("com.amazon.coral.availability", "ThrottlingException", 400, true),
    TRANSACTION_CANCELED(Namespaces.DYNAMODB, "TransactionCanceledException", 400, false),
    TRANSACTION_CONFLICT(Namespaces.DYNAMODB, "TransactionConflictException", 400, false),
    TRANSACTION_IN_PROGRESS(Namespaces.DYNAMODB, "TransactionInProgressException", 400, false),
    /** PartiQL: an INSERT whose key is already there. */
    DUPLICATE_ITEM(Namespaces.DYNAMODB, "DuplicateItemException", 400, false),
    IDEMPOTENT_PARAMETER_MISMATCH(Namespaces.DYNAMODB, "IdempotentParameterMismatchException", 400, false),
    /** DynamoDB Streams: a shard iterator older than 15 minutes. */
    EXPIRED_ITERATOR(Namespaces.DYNAMODB, "ExpiredIteratorException", 400, false),
    /** DynamoDB Streams: a position beyond the 24-hour retention. */
    TRIMMED_DATA_ACCESS(Namespaces.DYNAMODB, "TrimmedDataAccessException", 400, false),
    /** A resource-based policy that is not there, or not at the revision the request expected. */
    POLICY_NOT_FOUND(Namespaces.DYNAMODB, "PolicyNotFoundException", 400, false),
    /** Backups and point-in-time recovery: the table named does not exist. */
    TABLE_NOT_FOUND(Namespaces.DYNAMODB, "TableNotFoundException", 400, false),
    /** Restores: the target table exists already. */
    TABLE_ALREADY_EXISTS(Namespaces.DYNAMODB, "TableAlreadyExistsException", 400, false),
    /** Backups: the table is being created, updated or deleted. */
    TABLE_IN_USE(Namespaces.DYNAMODB, "TableInUseException", 400, false),
    BACKUP_NOT_FOUND(Namespaces.DYNAMODB, "BackupNotFoundException", 400, false),
    /** A backup being created, or one a restore is reading. */
    BACKUP_IN_USE(Namespaces.DYNAMODB, "BackupInUseException", 400, false),
    CONTINUOUS_BACKUPS_UNAVAILABLE(Namespaces.DYNAMODB, "ContinuousBackupsUnavailableException", 400, false),
    POINT_IN_TIME_RECOVERY_UNAVAILABLE(Namespaces.DYNAMODB, "PointInTimeRecoveryUnavailableException", 400, false),
    INVALID_RESTORE_TIME(Namespaces.DYNAMODB, "InvalidRestoreTimeException", 400, false),
    /** Export: an ExportTime outside the table's recoverable window. */
    INVALID_EXPORT_TIME(Namespaces.DYNAMODB, "InvalidExportTimeException", 400, false),
    /** Export: the same ClientToken with different parameters, or an export to the same place running. */
    EXPORT_CONFLICT(Namespaces.DYNAMODB, "ExportConflictException", 400, false),
    EXPORT_NOT_FOUND(Namespaces.DYNAMODB, "ExportNotFoundException", 400, false),
    /** Import: the same ClientToken with different parameters. */
    IMPORT_CONFLICT(Namespaces.DYNAMODB, "ImportConflictException", 400, false),
    IMPORT_NOT_FOUND(Namespaces.DYNAMODB, "ImportNotFoundException", 400, false),
    INTERNAL_SERVER_ERROR(Namespaces.DYNAMODB, "InternalServerError", 500, true),
    /** Sent while a part the request needs (such as storage) is not bound: SDKs back off and retry. */
    SERVICE_UNAVAILABLE("com.amazon.coral.availability", "ServiceUnavailableException", 503, true);

    private final String namespace;
    private final String wireName;
    private final int httpStatus;
    private final boolean retryable;

    ErrorType(String namespace, String wireName, int httpStatus, boolean retryable) {
        this.namespace = namespace;
        this.wireName = wireName;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    /** The short name SDKs match on, such as {@code ValidationException}. */
    public String wireName() { return wireName; }

    /** The full {@code __type} member of the error body. */
    public String wireType() { return namespace + "#" + wireName; }

    public int httpStatus() { return httpStatus; }

    public boolean retryable() { return retryable; }

    private static final class Namespaces {
        static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810";
    }
}
