package io.modyn.engine.transaction;

import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.storage.KeyOrder;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 digest of a TransactWriteItems request's actions, to tell a retry of the same request
 * from another request that reuses its ClientRequestToken. The digest covers what the request
 * does (every action, in order, with all its parameters) and not how it was spelled: map entries
 * are taken in key order and set members in value order, so two encodings of one request match.
 * ReturnConsumedCapacity and ReturnItemCollectionMetrics change only the response, not the effect,
 * and are left out.
 */
public final class RequestFingerprint {

    private final MessageDigest digest;

    private RequestFingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] of(List<TransactWriteItem> items) {
        RequestFingerprint f = new RequestFingerprint();
        f.count(items.size());
        for (TransactWriteItem item : items) {
            for (ActionRequest action : ActionRequest.membersOf(item)) f.action(action);
        }
        return f.digest.digest();
    }

    private void action(ActionRequest a) {
        tag(a.kind().ordinal());
        string(a.tableName());
        values(a.key());
        values(a.item());
        string(a.conditionExpression());
        string(a.updateExpression());
        names(a.expressionAttributeNames());
        values(a.expressionAttributeValues());
        string(a.returnValuesOnConditionCheckFailure());
    }

    private void names(Map<String, String> names) {
        if (absent(names)) return;
        count(names.size());
        new TreeMap<>(names).forEach((name, value) -> {
            string(name);
            string(value);
        });
    }

    private void values(Map<String, AttributeValue> values) {
        if (absent(values)) return;
        count(values.size());
        new TreeMap<>(values).forEach((name, value) -> {
            string(name);
            value(value);
        });
    }

    private void value(AttributeValue value) {
        string(value.typeName());
        if (value instanceof AttributeValue.S s) {
            string(s.value());
        } else if (value instanceof AttributeValue.N n) {
            string(n.text());
        } else if (value instanceof AttributeValue.B b) {
            bytes(b.value());
        } else if (value instanceof AttributeValue.Bool b) {
            tag(b.value() ? 1 : 0);
        } else if (value instanceof AttributeValue.L l) {
            count(l.values().size());
            l.values().forEach(this::value);
        } else if (value instanceof AttributeValue.M m) {
            values(m.values());
        } else if (value instanceof AttributeValue.SS ss) {
            List<String> members = new ArrayList<>(ss.values());
            members.sort(null);
            count(members.size());
            members.forEach(this::string);
        } else if (value instanceof AttributeValue.NS ns) {
            List<BigDecimal> members = new ArrayList<>(ns.values());
            members.sort(null);
            count(members.size());
            members.forEach(n -> string(n.toPlainString()));
        } else if (value instanceof AttributeValue.BS bs) {
            List<byte[]> members = new ArrayList<>(bs.values());
            members.sort(KeyOrder::compareBytes);
            count(members.size());
            members.forEach(this::bytes);
        }
        // NULL has no payload beyond its tag.
    }

    /** Writes a presence marker; true when the value is absent (and nothing more is written). */
    private boolean absent(Object value) {
        tag(value == null ? 0 : 1);
        return value == null;
    }

    private void string(String s) {
        if (absent(s)) return;
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] bytes) {
        count(bytes.length);
        digest.update(bytes);
    }

    private void count(int n) {
        digest.update(ByteBuffer.allocate(4).putInt(n).array());
    }

    private void tag(int tag) {
        count(tag);
    }
}
