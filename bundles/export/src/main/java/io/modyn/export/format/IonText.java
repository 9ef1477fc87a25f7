package io.modyn.export.format;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;

/**
 * Amazon Ion text as DynamoDB's ION export writes it: one top-level struct a line,
 * {@code $ion_1_0 {Item:{...}}} for the first and {@code {Item:{...}}} after. S is an Ion string,
 * N a decimal, B a blob, BOOL a bool, NULL null, L a list, M a struct, and the sets lists annotated
 * {@code $dynamodb_SS}, {@code $dynamodb_NS}, {@code $dynamodb_BS}.
 */
public final class IonText {

    public static final String VERSION_MARKER = "$ion_1_0";
    static final String SS = "$dynamodb_SS";
    static final String NS = "$dynamodb_NS";
    static final String BS = "$dynamodb_BS";

    private IonText() {
    }

    /** One export line, without its newline. */
    public static String itemLine(Map<String, AttributeValue> item) {
        StringBuilder out = new StringBuilder(256);
        out.append("{Item:");
        struct(out, item);
        return out.append('}').toString();
    }

    private static void struct(StringBuilder out, Map<String, AttributeValue> values) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
            if (!first) out.append(',');
            first = false;
            symbol(out, entry.getKey());
            out.append(':');
            value(out, entry.getValue());
        }
        out.append('}');
    }

    private static void value(StringBuilder out, AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            string(out, s.value());
        } else if (value instanceof AttributeValue.N n) {
            decimal(out, n.value());
        } else if (value instanceof AttributeValue.B b) {
            blob(out, b.value());
        } else if (value instanceof AttributeValue.Bool bool) {
            out.append(bool.value());
        } else if (value instanceof AttributeValue.Null) {
            out.append("null");
        } else if (value instanceof AttributeValue.L l) {
            out.append('[');
            for (int i = 0; i < l.values().size(); i++) {
                if (i > 0) out.append(',');
                value(out, l.values().get(i));
            }
            out.append(']');
        } else if (value instanceof AttributeValue.M m) {
            struct(out, m.values());
        } else if (value instanceof AttributeValue.SS ss) {
            out.append(SS).append("::[");
            for (int i = 0; i < ss.values().size(); i++) {
                if (i > 0) out.append(',');
                string(out, ss.values().get(i));
            }
            out.append(']');
        } else if (value instanceof AttributeValue.NS ns) {
            out.append(NS).append("::[");
            for (int i = 0; i < ns.values().size(); i++) {
                if (i > 0) out.append(',');
                decimal(out, ns.values().get(i));
            }
            out.append(']');
        } else if (value instanceof AttributeValue.BS bs) {
            out.append(BS).append("::[");
            for (int i = 0; i < bs.values().size(); i++) {
                if (i > 0) out.append(',');
                blob(out, bs.values().get(i));
            }
            out.append(']');
        }
    }

    /** An Ion decimal: unscaled digits, then {@code d} and the exponent (so 1.5 is 15d-1, 100 is 1d2). */
    static void decimal(StringBuilder out, BigDecimal value) {
        out.append(value.unscaledValue()).append('d').append(-value.scale());
    }

    private static void blob(StringBuilder out, byte[] bytes) {
        out.append("{{").append(Base64.getEncoder().encodeToString(bytes)).append("}}");
    }

    /** A field name: bare when it is an identifier, else a quoted symbol. */
    static void symbol(StringBuilder out, String name) {
        if (isIdentifier(name)) {
            out.append(name);
        } else {
            quoted(out, name, '\'');
        }
    }

    static void string(StringBuilder out, String text) {
        quoted(out, text, '"');
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) return false;
        if (name.equals("null") || name.equals("true") || name.equals("false") || name.equals("nan")) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
        }
        return true;
    }

    private static void quoted(StringBuilder out, String text, char quote) {
        out.append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(quote);
    }
}
