package io.modyn.api.model;

import java.util.Map;

/**
 * A DynamoDB error as the client must see it: its wire type and exact message.
 *
 * <p>Thrown by any bundle; the protocol bundle turns it into the JSON error envelope. Errors that
 * carry more than a message (a conditional check failure's item, a cancelled transaction's reasons)
 * use the optional {@link #item()} member or a subclass.
 */
public class DynamoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorType type;
    private final transient Map<String, AttributeValue> item;

    public DynamoException(ErrorType type, String message) {
        this(type, message, null, null);
    }

    public DynamoException(ErrorType type, String message, Throwable cause) {
        this(type, message, null, cause);
    }

    public DynamoException(ErrorType type, String message, Map<String, AttributeValue> item, Throwable cause) {
        super(message, cause, false, cause != null);
        this.type = type;
        this.item = item == null ? null : Items.copyOf(item);
    }

    public ErrorType type() { return type; }

    /** The item returned with the error (ConditionalCheckFailed with ALL_OLD), or null. */
    public Map<String, AttributeValue> item() { return item; }

    public static DynamoException validation(String message) {
        return new DynamoException(ErrorType.VALIDATION, message);
    }

    public static DynamoException serialization(String message) {
        return new DynamoException(ErrorType.SERIALIZATION, message);
    }

    public static DynamoException resourceNotFound(String message) {
        return new DynamoException(ErrorType.RESOURCE_NOT_FOUND, message);
    }

    public static DynamoException resourceInUse(String message) {
        return new DynamoException(ErrorType.RESOURCE_IN_USE, message);
    }

    public static DynamoException unavailable(String message) {
        return new DynamoException(ErrorType.SERVICE_UNAVAILABLE, message);
    }

    public static DynamoException internal(String message, Throwable cause) {
        return new DynamoException(ErrorType.INTERNAL_SERVER_ERROR, message, cause);
    }
}
