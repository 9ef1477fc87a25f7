package io.modyn.engine.legacy;

import static io.modyn.engine.expr.Values.b;
import static io.modyn.engine.expr.Values.bool;
import static io.modyn.engine.expr.Values.item;
import static io.modyn.engine.expr.Values.l;
import static io.modyn.engine.expr.Values.m;
import static io.modyn.engine.expr.Values.n;
import static io.modyn.engine.expr.Values.ns;
import static io.modyn.engine.expr.Values.nul;
import static io.modyn.engine.expr.Values.s;
import static io.modyn.engine.expr.Values.ss;
import static io.modyn.engine.expr.Values.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.AttributeValueUpdate;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.UpdateOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AttributeUpdates: messages from dynalite's test/updateItem.js, semantics from the API reference ("AttributeValueUpdate"). */
class LegacyUpdatesTest {

    private static final Map<String, AttributeValue> ITEM = item("pk", s("k"), "n", n("3"), "s", s("hi"), "set", ss("dog", "cat"), "list", l(n("1")));

    private static UpdateOutcome apply(String attribute, String action, AttributeValue value) {
        return LegacyUpdates.compile(Map.of(attribute, new AttributeValueUpdate(value, action)), table(false)).apply(ITEM);
    }

    private static String error(String attribute, String action, AttributeValue value) {
        Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
        updates.put(attribute, new AttributeValueUpdate(value, action));
        return assertThrows(DynamoException.class, () -> LegacyUpdates.compile(updates, table(false)).apply(ITEM)).getMessage();
    }

    @Test
    void putReplacesAndIsTheDefaultAction() {
        assertEquals(s("new"), apply("s", null, s("new")).item().get("s"));
        assertEquals(m("x", n("1")), apply("z", "PUT", m("x", n("1"))).item().get("z"));
    }

    @Test
    void addWorksOnNumbersSetsAndLists() {
        assertEquals(n("5"), apply("n", "ADD", n("2")).item().get("n"));
        assertEquals(n("2"), apply("z", "ADD", n("2")).item().get("z"));
        assertEquals(ss("dog", "cat", "pig"), apply("set", "ADD", ss("pig", "dog")).item().get("set"));
        assertEquals(l(n("1"), s("x")), apply("list", "ADD", l(s("x"))).item().get("list"));
        assertEquals("Type mismatch for attribute to update", error("s", "ADD", n("1")));
        assertEquals("Type mismatch for attribute to update", error("set", "ADD", ns("1")));
    }

    @Test
    void deleteRemovesTheAttributeOrSetMembers() {
        assertEquals(item("pk", s("k"), "n", n("3"), "set", ss("dog", "cat"), "list", l(n("1"))), apply("s", "DELETE", null).item());
        assertEquals(ss("dog"), apply("set", "DELETE", ss("cat", "pig")).item().get("set"));
        assertEquals(null, apply("set", "DELETE", ss("cat", "dog")).item().get("set"));
        assertEquals(ITEM, apply("z", "DELETE", ss("cat")).item());
        assertEquals("Type mismatch for attribute to update", error("s", "DELETE", ss("hi")));
    }

    @Test
    void actionsAndValuesAreValidated() {
        String prefix = "One or more parameter values were invalid: ";
        assertEquals(prefix + "Only DELETE action is allowed when no attribute value is specified", error("a", "PUT", null));
        assertEquals(prefix + "Only DELETE action is allowed when no attribute value is specified", error("a", null, null));
        for (AttributeValue value : List.of(s("1"), n("1"), b("b"), nul(), bool(true), m(), l())) {
            assertEquals(prefix + "DELETE action with value is not supported for the type " + value.typeName(), error("a", "DELETE", value));
        }
        for (AttributeValue value : List.of(s("1"), b("b"), nul(), bool(true), m())) {
            assertEquals(prefix + "ADD action is not supported for the type " + value.typeName(), error("a", "ADD", value));
        }
        assertEquals("1 validation error detected: Value 'REPLACE' at 'attributeUpdates.a.member.action' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [ADD, PUT, DELETE]", error("a", "REPLACE", s("x")));
        assertEquals(prefix + "Cannot update attribute pk. This attribute is part of the key", error("pk", "PUT", s("x")));
    }

    @Test
    void updatedValuesAreTheUpdatedAttributes() {
        Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
        updates.put("n", new AttributeValueUpdate(n("1"), "ADD"));
        updates.put("z", new AttributeValueUpdate(s("new"), "PUT"));
        UpdateOutcome outcome = LegacyUpdates.compile(updates, table(false)).apply(ITEM);
        assertEquals(item("n", n("3")), outcome.updatedOld());
        assertEquals(item("n", n("4"), "z", s("new")), outcome.updatedNew());
        UpdateOutcome nothing = LegacyUpdates.compile(Map.of(), table(false)).applyToAbsentItem(item("pk", s("k")));
        assertEquals(item("pk", s("k")), nothing.item());
        assertEquals(item(), nothing.updatedNew());
    }
}
