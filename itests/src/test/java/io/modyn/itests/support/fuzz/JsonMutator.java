package io.modyn.itests.support.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random edits of a valid request body: members removed, renamed or added, values replaced by JSON
 * of another type, AttributeValues given another type tag or an edge value (empty strings and sets,
 * duplicate set members, numbers out of range, bad base64), strings grown, documents nested deep.
 * Each edit keeps the body a JSON object, so what is exercised is the server's validation, not its
 * JSON parser.
 */
public final class JsonMutator {

    private static final List<String> TYPE_TAGS = List.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");
    private static final Set<String> TYPE_TAG_SET = Set.copyOf(TYPE_TAGS);

    private final Random random;

    public JsonMutator(Random random) {
        this.random = random;
    }

    /** {@code body} with one to three random edits. */
    public JsonObject mutate(JsonObject body) {
        Map<String, Object> tree = toJava(body);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) edit(tree);
        return (JsonObject) toJson(tree);
    }

    @SuppressWarnings("unchecked")
    private void edit(Map<String, Object> root) {
        List<Object> containers = new ArrayList<>();
        collect(root, containers);
        Object container = containers.get(random.nextInt(containers.size()));
        if (container instanceof Map<?, ?> map) {
            editMember((Map<String, Object>) map);
        } else {
            editElement((List<Object>) container);
        }
    }

    private void editMember(Map<String, Object> map) {
        if (map.size() == 1 && TYPE_TAG_SET.contains(map.keySet().iterator().next()) && random.nextInt(3) > 0) {
            editAttributeValue(map);
            return;
        }
        List<String> names = new ArrayList<>(map.keySet());
        String name = names.isEmpty() ? null : names.get(random.nextInt(names.size()));
        switch (random.nextInt(6)) {
            case 0 -> { if (name != null) map.remove(name); }
            case 1 -> { if (name != null) map.put(name, randomJson(2)); }
            case 2 -> map.put(pick(List.of("Unexpected", "tableName", "ExpressionAttributeValues", "Limit", "Select")),
                    randomJson(1));
            case 3 -> {
                if (name != null) {
                    Object value = map.remove(name);
                    map.put(random.nextBoolean() ? name.toLowerCase() : name + "x", value);
                }
            }
            case 4 -> { if (name != null) map.put(name, nest(map.get(name), 20 + random.nextInt(20))); }
            default -> { if (name != null && map.get(name) instanceof String) map.put(name, longString()); }
        }
    }

    private void editElement(List<Object> list) {
        if (list.isEmpty()) {
            list.add(randomJson(1));
            return;
        }
        int at = random.nextInt(list.size());
        switch (random.nextInt(4)) {
            case 0 -> list.remove(at);
            case 1 -> list.add(at, list.get(at));
            case 2 -> list.set(at, randomJson(2));
            default -> list.clear();
        }
    }

    /** Gives an AttributeValue another type tag, or its type an edge value. */
    private void editAttributeValue(Map<String, Object> attribute) {
        String tag = attribute.keySet().iterator().next();
        Object value = attribute.remove(tag);
        if (random.nextBoolean()) {
            attribute.put(pick(TYPE_TAGS), value);
            return;
        }
        String edgeTag = pick(TYPE_TAGS);
        attribute.put(edgeTag, switch (edgeTag) {
            case "S" -> pick(List.of("", "\u00fc\u0000", longString()));
            case "N" -> pick(List.of("", "abc", " 1", "1e126", "1e-131", "-0", "1".repeat(39), "0x10", "NaN", "1e999999"));
            case "B" -> pick(List.of("", "not base64!", "YQ", "===="));
            case "BOOL" -> pick(List.of("true", 1, JsonValue.NULL));
            case "NULL" -> pick(List.of(Boolean.FALSE, "true"));
            case "SS" -> pick(List.of(new ArrayList<>(), new ArrayList<>(List.of("a", "a")), new ArrayList<>(List.of(""))));
            case "NS" -> pick(List.of(new ArrayList<>(), new ArrayList<>(List.of("1", "1.0")), new ArrayList<>(List.of("x"))));
            case "BS" -> pick(List.of(new ArrayList<>(), new ArrayList<>(List.of("YQ==", "YQ==")), new ArrayList<>(List.of(""))));
            case "L" -> pick(List.of(new LinkedHashMap<>(), new ArrayList<>(List.of(new LinkedHashMap<>()))));
            default -> pick(List.of(new ArrayList<>(), new LinkedHashMap<>(Map.of("k", new LinkedHashMap<>()))));
        });
    }

    private Object nest(Object value, int levels) {
        Object nested = value;
        for (int i = 0; i < levels; i++) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("x", nested);
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("M", inner);
            nested = map;
        }
        return nested;
    }

    private String longString() {
        // Mostly modest, now and then past the 400 KB item limit.
        return "x".repeat(random.nextInt(10) == 0 ? 410 * 1024 : 2000);
    }

    private Object randomJson(int depth) {
        int choice = random.nextInt(depth > 0 ? 8 : 6);
        return switch (choice) {
            case 0 -> pick(List.of("", "text", "\u00fc\u20ac\ud83d\ude00", "S", "{}"));
            case 1 -> new BigDecimal(pick(List.of("0", "-1", "1.5", "2147483648", "1e400")));
            case 2 -> random.nextBoolean();
            case 3 -> JsonValue.NULL;
            case 4 -> new ArrayList<>();
            case 5 -> new LinkedHashMap<>();
            case 6 -> new ArrayList<>(List.of(randomJson(depth - 1), randomJson(depth - 1)));
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(pick(TYPE_TAGS), randomJson(depth - 1));
                yield map;
            }
        };
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static void collect(Object node, List<Object> containers) {
        if (node instanceof Map<?, ?> map) {
            containers.add(map);
            map.values().forEach(child -> collect(child, containers));
        } else if (node instanceof List<?> list) {
            containers.add(list);
            list.forEach(child -> collect(child, containers));
        }
    }

    private static Map<String, Object> toJava(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((name, value) -> map.put(name, toJavaValue(value)));
        return map;
    }

    private static Object toJavaValue(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> toJava(value.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(element -> list.add(toJavaValue(element)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> JsonValue.NULL;
        };
    }

    private static JsonValue toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder builder = Json.createObjectBuilder();
            map.forEach((name, child) -> builder.add((String) name, toJson(child)));
            return builder.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder builder = Json.createArrayBuilder();
            list.forEach(child -> builder.add(toJson(child)));
            return builder.build();
        }
        if (value instanceof String text) return Json.createValue(text);
        if (value instanceof BigDecimal number) return Json.createValue(number);
        if (value instanceof Integer number) return Json.createValue(number);
        if (value instanceof Boolean bool) return bool ? JsonValue.TRUE : JsonValue.FALSE;
        return JsonValue.NULL;
    }
}
