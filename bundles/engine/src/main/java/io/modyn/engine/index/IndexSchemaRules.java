package io.modyn.engine.index;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules an index's key schema and projection follow, with DynamoDB's messages. A global
 * index may have a multi-attribute key (DynamoDB, November 2025): up to four HASH elements, then
 * up to four RANGE elements, all distinct; a local index has exactly the classic HASH and RANGE.
 */
final class IndexSchemaRules {

    static final int MAX_KEY_ATTRIBUTES_PER_ROLE = 4;

    private IndexSchemaRules() {
    }

    static void checkKeySchema(List<KeySchemaElement> keySchema, boolean global) {
        if (!keySchema.get(0).isHash()) throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        List<String> names = keySchema.stream().map(KeySchemaElement::attributeName).toList();
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (new HashSet<>(names).size() < names.size()) {
            throw DynamoException.validation("The KeySchema contains multiple key attributes with the same name");
        }
        if (!global) {
            if (keySchema.size() == 2 && keySchema.get(1).isHash()) {
                throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            return;
        }
        boolean rangeSeen = false;
        int hashes = 0;
        int ranges = 0;
        for (KeySchemaElement element : keySchema) {
            if (element.isHash()) {
                if (rangeSeen) throw invalid("All HASH key attributes must precede RANGE key attributes in the KeySchema");
                hashes++;
            } else {
                rangeSeen = true;
                ranges++;
            }
        }
        if (hashes > MAX_KEY_ATTRIBUTES_PER_ROLE) throw invalid("The KeySchema exceeds the maximum allowed number of HASH key attributes");
        if (ranges > MAX_KEY_ATTRIBUTES_PER_ROLE) throw invalid("The KeySchema exceeds the maximum allowed number of RANGE key attributes");
    }

    static void checkProjection(IndexProjection projection) {
        String type = projection.projectionType();
        List<String> nonKeyAttributes = projection.nonKeyAttributes();
        if (type == null) throw invalid("Unknown ProjectionType: null");
        if (!IndexProjection.INCLUDE.equals(type)) {
            if (nonKeyAttributes != null) throw invalid("ProjectionType is " + type + ", but NonKeyAttributes is specified");
            return;
        }
        if (nonKeyAttributes == null) throw invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        Set<String> seen = new HashSet<>();
        for (String attribute : nonKeyAttributes) {
            if (!seen.add(attribute)) throw invalid("Duplicate element in NonKeyAttributes: " + attribute);
        }
    }

    static DynamoException invalid(String detail) {
        return DynamoException.validation("One or more parameter values were invalid: " + detail);
    }
}
