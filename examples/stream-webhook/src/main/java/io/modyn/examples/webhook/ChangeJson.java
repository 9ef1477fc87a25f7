package io.modyn.examples.webhook;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.StreamRecord;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Base64;
import java.util.Map;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * A change as the webhook receives it: the shape of a DynamoDB Streams record as AWS Lambda gets
 * it ({@code eventID}, {@code eventName}, {@code dynamodb} with {@code Keys}, {@code NewImage},
 * {@code OldImage} in DynamoDB JSON ...), plus {@code tableName}.
 */
final class ChangeJson {

    private static final JsonProvider JSON = new JsonProviderImpl();

    private ChangeJson() {
    }

    static JsonObject of(String tableName, ChangeRecord change) {
        StreamRecord record = change.dynamodb();
        JsonObjectBuilder dynamodb = JSON.createObjectBuilder()
                .add("ApproximateCreationDateTime", record.approximateCreationDateTime().getEpochSecond())
                .add("Keys", item(record.keys()))
                .add("SequenceNumber", record.sequenceNumber())
                .add("SizeBytes", record.sizeBytes())
                .add("StreamViewType", record.streamViewType());
        if (record.newImage() != null) dynamodb.add("NewImage", item(record.newImage()));
        if (record.oldImage() != null) dynamodb.add("OldImage", item(record.oldImage()));
        return JSON.createObjectBuilder()
                .add("tableName", tableName)
                .add("eventID", change.eventID())
                .add("eventName", change.eventName())
                .add("eventVersion", change.eventVersion())
                .add("eventSource", change.eventSource())
                .add("awsRegion", change.awsRegion())
                .add("dynamodb", dynamodb)
                .build();
    }

    private static JsonObjectBuilder item(Map<String, AttributeValue> item) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        item.forEach((name, value) -> object.add(name, value(value)));
        return object;
    }

    /** One attribute value in DynamoDB JSON: {"S": "..."}, {"N": "..."}, {"M": {...}} ... */
    private static JsonObjectBuilder value(AttributeValue value) {
        JsonObjectBuilder typed = JSON.createObjectBuilder();
        if (value instanceof AttributeValue.S s) return typed.add("S", s.value());
        if (value instanceof AttributeValue.N n) return typed.add("N", n.text());
        if (value instanceof AttributeValue.B b) return typed.add("B", base64(b.value()));
        if (value instanceof AttributeValue.Bool bool) return typed.add("BOOL", bool.value());
        if (value instanceof AttributeValue.Null) return typed.add("NULL", true);
        if (value instanceof AttributeValue.M map) return typed.add("M", item(map.values()));
        JsonArrayBuilder array = JSON.createArrayBuilder();
        if (value instanceof AttributeValue.L list) {
            list.values().forEach(element -> array.add(value(element)));
        } else if (value instanceof AttributeValue.SS set) {
            set.values().forEach(array::add);
        } else if (value instanceof AttributeValue.NS set) {
            set.values().forEach(number -> array.add(number.toPlainString()));
        } else if (value instanceof AttributeValue.BS set) {
            set.values().forEach(bytes -> array.add(base64(bytes)));
        } else {
            throw new IllegalArgumentException("unknown attribute value type " + value.typeName());
        }
        return typed.add(value.typeName(), array);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
