package io.modyn.engine.stream;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.validation.ConstraintViolations;
import java.time.Instant;

/**
 * StreamSpecification on CreateTable and UpdateTable, validated with DynamoDB's messages, and the
 * table's LatestStreamArn.
 *
 * <p>Enabling a stream gives the table a new {@code latestStreamLabel}; disabling it removes the
 * specification (DescribeTable then shows no StreamSpecification, as DynamoDB's) but keeps the
 * label, so LatestStreamArn still names the now disabled stream, which stays readable for 24 hours.
 * A stream's view type cannot change in place: DynamoDB requires disabling and enabling again.
 */
public final class StreamSettings {

    private StreamSettings() {
    }

    /** The table as created, with its stream spec and label set when the request asks for a stream. */
    public static TableDefinition forCreate(TableDefinition table, StreamSpecification requested) {
        if (requested == null) return table;
        validateShape(requested);
        boolean enable = requested.streamEnabled();
        if (enable && requested.streamViewType() == null) {
            throw invalid("Table is being created with a stream enabled, UpdateViewType is required");
        }
        if (!enable && requested.streamViewType() != null) {
            throw invalid("Table is being created with a stream disabled, UpdateViewType should not be specified");
        }
        if (!enable) return table.toBuilder().streamSpecification(null).build();
        return enabled(table, requested.streamViewType());
    }

    /** The table with the requested stream change applied (null: no change), validated as DynamoDB does. */
    public static TableDefinition forUpdate(TableDefinition table, StreamSpecification requested) {
        if (requested == null) return table;
        validateShape(requested);
        boolean enable = requested.streamEnabled();
        if (enable && requested.streamViewType() == null) {
            throw invalid("If stream is being enabled then UpdateViewType is required");
        }
        if (!enable && requested.streamViewType() != null) {
            throw invalid("If stream is being disabled, then UpdateViewType must not be specified");
        }
        if (enable && table.streamEnabled()) {
            throw DynamoException.validation("Table already has an enabled stream: TableName: " + table.tableName());
        }
        if (!enable && !table.streamEnabled()) {
            throw DynamoException.validation("Table has no stream to disable: TableName: " + table.tableName());
        }
        if (!enable) return table.toBuilder().streamSpecification(null).build();
        return enabled(table, requested.streamViewType());
    }

    /** The ARN of the table's latest stream, or null. */
    public static String latestStreamArn(TableDefinition table, String tableArn) {
        return table.latestStreamLabel() == null ? null : StreamKey.arn(tableArn, table.latestStreamLabel());
    }

    private static TableDefinition enabled(TableDefinition table, String viewType) {
        String label = StreamLabels.next(table.latestStreamLabel(), Instant.now());
        return table.toBuilder().streamSpecification(new StreamSpecification(true, viewType)).latestStreamLabel(label).build();
    }

    private static void validateShape(StreamSpecification requested) {
        new ConstraintViolations()
                .notNull("streamSpecification.streamEnabled", requested.streamEnabled())
                .oneOf("streamSpecification.streamViewType", requested.streamViewType(), StreamViewType.WIRE_VALUES)
                .throwIfAny();
    }

    private static DynamoException invalid(String detail) {
        return DynamoException.validation("One or more parameter values were invalid: " + detail);
    }
}
