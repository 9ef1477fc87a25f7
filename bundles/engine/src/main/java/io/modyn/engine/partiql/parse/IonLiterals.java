package io.modyn.engine.partiql.parse;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.partiql.PartiqlErrors;
import java.util.Base64;

/**
 * The backtick Ion literals a statement may hold, for the scalar types DynamoDB stores: decimals
 * and integers, {@code "strings"}, {@code true}/{@code false}, {@code null} and
 * {@code {{base64}}} blobs.
 */
final class IonLiterals {

    private IonLiterals() {
    }

    static AttributeValue parse(String text) {
        String ion = text.strip();
        if (ion.equals("true") || ion.equals("false")) return AttributeValue.bool(ion.equals("true"));
        if (ion.equals("null")) return AttributeValue.nul();
        if (ion.startsWith("{{") && ion.endsWith("}}")) {
            try {
                return AttributeValue.b(Base64.getDecoder().decode(ion.substring(2, ion.length() - 2).strip()));
            } catch (IllegalArgumentException e) {
                throw PartiqlErrors.malformed("Invalid Ion blob");
            }
        }
        if (ion.length() >= 2 && ion.startsWith("\"") && ion.endsWith("\"")) {
            return AttributeValue.s(ion.substring(1, ion.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        try {
            return AttributeValue.n(ion.replace('d', 'e').replace('D', 'E'));
        } catch (RuntimeException e) {
            throw PartiqlErrors.malformed("Unsupported Ion literal: " + ion);
        }
    }
}
