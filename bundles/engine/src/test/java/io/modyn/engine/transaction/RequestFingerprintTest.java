package io.modyn.engine.transaction;

import static io.modyn.engine.transaction.TransactRequests.item;
import static io.modyn.engine.transaction.TransactRequests.put;
import static io.modyn.engine.transaction.TransactRequests.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modyn.api.model.AttributeValue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    @Test
    void mapOrderAndSetMemberOrderDoNotMatter() {
        byte[] a = RequestFingerprint.of(List.of(put("t", item("id", "1", "x", "a", "tags", new AttributeValue.SS(List.of("p", "q"))))));
        byte[] b = RequestFingerprint.of(List.of(put("t", item("tags", new AttributeValue.SS(List.of("q", "p")), "x", "a", "id", "1"))));
        assertArrayEquals(a, b);
    }

    @Test
    void anyParameterOrTheOrderOfActionsMatters() {
        byte[] base = RequestFingerprint.of(List.of(put("t", item("id", "1")), update("t", "2", "SET x = :v", null, item(":v", 1))));
        List<byte[]> others = List.of(
                RequestFingerprint.of(List.of(update("t", "2", "SET x = :v", null, item(":v", 1)), put("t", item("id", "1")))),
                RequestFingerprint.of(List.of(put("t", item("id", "1")), update("t", "2", "SET x = :v", null, item(":v", 2)))),
                RequestFingerprint.of(List.of(put("t", item("id", "1")), update("t", "2", "SET x = :v", "attribute_exists(id)", item(":v", 1)))),
                RequestFingerprint.of(List.of(put("u", item("id", "1")), update("t", "2", "SET x = :v", null, item(":v", 1)))),
                RequestFingerprint.of(List.of(put("t", item("id", "1")))));
        for (byte[] other : others) assertFalse(Arrays.equals(base, other));
    }
}
