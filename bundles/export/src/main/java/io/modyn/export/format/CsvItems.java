package io.modyn.export.format;

import io.modyn.api.model.AttributeValue;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a CSV record into an item as ImportTable does: each column is the attribute its header
 * names; key attributes of the table and its indexes take the type their attribute definition
 * gives (S, N or B in Base64), every other column is a string; an empty field is no attribute.
 */
public final class CsvItems {

    private final List<String> header;
    private final Map<String, String> keyTypes;

    /** @param keyTypes attribute name to S, N or B for the key attributes */
    public CsvItems(List<String> header, Map<String, String> keyTypes) {
        this.header = List.copyOf(header);
        this.keyTypes = Map.copyOf(keyTypes);
    }

    public Map<String, AttributeValue> item(List<String> fields) {
        if (fields.size() != header.size()) {
            throw new IllegalArgumentException("the record has " + fields.size() + " fields, the header " + header.size());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String value = fields.get(i);
            if (value.isEmpty()) continue;
            String name = header.get(i);
            String type = keyTypes.getOrDefault(name, "S");
            item.put(name, switch (type) {
                case "N" -> new AttributeValue.N(DynamoDbJson.number(name, value.trim()));
                case "B" -> AttributeValue.b(DynamoDbJson.base64(name, value.trim()));
                default -> AttributeValue.s(value);
            });
        }
        return item;
    }
}
