package io.modyn.engine.validation;

import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Request members echoed in DynamoDB's constraint messages, each the way DynamoDB prints it:
 * BatchGetItem's RequestItems as the JSON the client sent ({@code {"t":{"Keys":[{"pk":{"S":"a"}}]}}}),
 * BatchWriteItem's in its service model's toString form
 * ({@code {t=[WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(S=a)}), deleteRequest=null)]}}),
 * as the October 2026 captures show. Only error messages use these.
 */
public final class RequestEchoes {

    private RequestEchoes() {
    }

    /** BatchGetItem's RequestItems as JSON, members in the order of the API's shape. */
    public static String readsAsJson(Map<String, KeysAndAttributes> requestItems) {
        return requestItems.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + readAsJson(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** BatchWriteItem's RequestItems in the service model's toString form. */
    public static String writesAsModel(Map<String, List<WriteRequest>> requestItems) {
        return requestItems.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() == null ? "null"
                        : e.getValue().stream().map(RequestEchoes::writeAsModel).collect(Collectors.joining(", ", "[", "]"))))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String readAsJson(KeysAndAttributes read) {
        if (read == null) return "null";
        StringBuilder out = new StringBuilder("{");
        member(out, "Keys", read.keys() == null ? null
                : read.keys().stream().map(RequestEchoes::itemAsJson).collect(Collectors.joining(",", "[", "]")));
        member(out, "AttributesToGet", read.attributesToGet() == null ? null
                : read.attributesToGet().stream().map(RequestEchoes::quote).collect(Collectors.joining(",", "[", "]")));
        member(out, "ConsistentRead", read.consistentRead() == null ? null : read.consistentRead().toString());
        member(out, "ProjectionExpression", read.projectionExpression() == null ? null : quote(read.projectionExpression()));
        member(out, "ExpressionAttributeNames", read.expressionAttributeNames() == null ? null
                : read.expressionAttributeNames().entrySet().stream().map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                        .collect(Collectors.joining(",", "{", "}")));
        return out.append('}').toString();
    }

    private static void member(StringBuilder out, String name, String json) {
        if (json == null) return;
        if (out.length() > 1) out.append(',');
        out.append(quote(name)).append(':').append(json);
    }

    private static String itemAsJson(Map<String, AttributeValue> item) {
        if (item == null) return "null";
        return item.entrySet().stream().map(e -> quote(e.getKey()) + ":" + valueAsJson(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String valueAsJson(AttributeValue value) {
        if (value == null) return "null";
        if (value instanceof AttributeValue.S s) return "{\"S\":" + quote(s.value()) + "}";
        if (value instanceof AttributeValue.N n) return "{\"N\":" + quote(n.value().toString()) + "}";
        if (value instanceof AttributeValue.B b) return "{\"B\":" + quote(Base64.getEncoder().encodeToString(b.value())) + "}";
        if (value instanceof AttributeValue.Bool b) return "{\"BOOL\":" + b.value() + "}";
        if (value instanceof AttributeValue.L l) {
            return l.values().stream().map(RequestEchoes::valueAsJson).collect(Collectors.joining(",", "{\"L\":[", "]}"));
        }
        if (value instanceof AttributeValue.M m) return "{\"M\":" + itemAsJson(m.values()) + "}";
        if (value instanceof AttributeValue.SS ss) {
            return ss.values().stream().map(RequestEchoes::quote).collect(Collectors.joining(",", "{\"SS\":[", "]}"));
        }
        if (value instanceof AttributeValue.NS ns) {
            return ns.values().stream().map(BigDecimal::toString).map(RequestEchoes::quote).collect(Collectors.joining(",", "{\"NS\":[", "]}"));
        }
        if (value instanceof AttributeValue.BS bs) {
            return bs.values().stream().map(Base64.getEncoder()::encodeToString).map(RequestEchoes::quote)
                    .collect(Collectors.joining(",", "{\"BS\":[", "]}"));
        }
        return "{\"NULL\":true}";
    }

    private static String writeAsModel(WriteRequest write) {
        if (write == null) return "null";
        String put = write.putItem() == null ? "null" : "PutRequest(item=" + itemAsModel(write.putItem()) + ")";
        String delete = write.deleteKey() == null ? "null" : "DeleteRequest(key=" + itemAsModel(write.deleteKey()) + ")";
        return "WriteRequest(putRequest=" + put + ", deleteRequest=" + delete + ")";
    }

    private static String itemAsModel(Map<String, AttributeValue> item) {
        return item.entrySet().stream().map(e -> e.getKey() + "=" + valueAsModel(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String valueAsModel(AttributeValue value) {
        if (value == null) return "null";
        if (value instanceof AttributeValue.S s) return "AttributeValue(S=" + s.value() + ")";
        if (value instanceof AttributeValue.N n) return "AttributeValue(N=" + n.value() + ")";
        if (value instanceof AttributeValue.B b) return "AttributeValue(B=" + Base64.getEncoder().encodeToString(b.value()) + ")";
        if (value instanceof AttributeValue.Bool b) return "AttributeValue(BOOL=" + b.value() + ")";
        if (value instanceof AttributeValue.L l) {
            return l.values().stream().map(RequestEchoes::valueAsModel).collect(Collectors.joining(", ", "AttributeValue(L=[", "])"));
        }
        if (value instanceof AttributeValue.M m) return "AttributeValue(M=" + itemAsModel(m.values()) + ")";
        if (value instanceof AttributeValue.SS ss) return "AttributeValue(SS=" + ss.values() + ")";
        if (value instanceof AttributeValue.NS ns) return "AttributeValue(NS=" + ns.values() + ")";
        if (value instanceof AttributeValue.BS bs) {
            return bs.values().stream().map(Base64.getEncoder()::encodeToString).collect(Collectors.joining(", ", "AttributeValue(BS=[", "])"));
        }
        return "AttributeValue(NUL=true)";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
