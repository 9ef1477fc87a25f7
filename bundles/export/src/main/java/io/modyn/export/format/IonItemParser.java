package io.modyn.export.format;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one line of Ion text holding {@code {Item:{...}}} (optionally after the {@code $ion_1_0}
 * version marker) into an item, mapping Ion's types back as {@link IonText} writes them. It reads
 * the subset of Ion text that holds DynamoDB items: structs, lists, strings (short and long),
 * symbols, the three set annotations, decimals, integers, floats, blobs, bools and nulls, and
 * comments; anything else is an error for that line.
 */
public final class IonItemParser {

    private final String text;
    private int at;

    private IonItemParser(String text) {
        this.text = text;
    }

    /**
     * The item of one line.
     *
     * @throws IllegalArgumentException with the reason when the line is not one item
     */
    public static Map<String, AttributeValue> parseItemLine(String line) {
        IonItemParser parser = new IonItemParser(line);
        parser.skipSpace();
        if (line.startsWith(IonText.VERSION_MARKER, parser.at)) {
            parser.at += IonText.VERSION_MARKER.length();
            parser.skipSpace();
        }
        Object top = parser.value();
        parser.skipSpace();
        if (parser.at != line.length()) throw parser.error("text after the item");
        if (!(top instanceof AttributeValue.M struct) || struct.values().size() != 1
                || !(struct.values().get("Item") instanceof AttributeValue.M item)) {
            throw new IllegalArgumentException("a line must be a struct with the single field Item holding a struct");
        }
        return item.values();
    }

    private AttributeValue value() {
        skipSpace();
        String annotation = null;
        int mark = at;
        if (peek() == '$' || Character.isLetter(peek()) || peek() == '_' || peek() == '\'') {
            String symbol = peek() == '\'' ? quoted('\'') : identifier();
            skipSpace();
            if (text.startsWith("::", at)) {
                at += 2;
                annotation = symbol;
                skipSpace();
            } else {
                at = mark;
            }
        }
        if (annotation != null) return set(annotation);
        char c = peek();
        if (c == '{') {
            return text.startsWith("{{", at) ? AttributeValue.b(blob()) : struct();
        }
        if (c == '[') return new AttributeValue.L(list());
        if (c == '"') return AttributeValue.s(quoted('"'));
        if (c == '\'' && text.startsWith("'''", at)) return AttributeValue.s(longString());
        if (c == '-' || Character.isDigit(c)) return new AttributeValue.N(number());
        String word = identifier();
        return switch (word) {
            case "true" -> AttributeValue.bool(true);
            case "false" -> AttributeValue.bool(false);
            case "null" -> {
                if (peek() == '.') {
                    at++;
                    identifier();
                }
                yield AttributeValue.nul();
            }
            default -> throw error("unexpected " + (word.isEmpty() ? "character '" + c + "'" : "symbol " + word));
        };
    }

    private AttributeValue set(String annotation) {
        List<AttributeValue> members = list();
        if (members.isEmpty()) throw error("a set must not be empty");
        try {
            return switch (annotation) {
                case IonText.SS -> new AttributeValue.SS(members.stream().map(v -> ((AttributeValue.S) v).value()).toList());
                case IonText.NS -> new AttributeValue.NS(members.stream().map(v -> ((AttributeValue.N) v).value()).toList());
                case IonText.BS -> new AttributeValue.BS(members.stream().map(v -> ((AttributeValue.B) v).value()).toList());
                default -> throw error("unknown annotation " + annotation);
            };
        } catch (ClassCastException e) {
            throw error("a member of " + annotation + " has the wrong type");
        }
    }

    private AttributeValue.M struct() {
        expect('{');
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            return new AttributeValue.M(fields);
        }
        while (true) {
            skipSpace();
            String name = peek() == '"' ? quoted('"') : peek() == '\'' ? quoted('\'') : identifier();
            if (name.isEmpty() && text.charAt(at - 1) != '"' && text.charAt(at - 1) != '\'') throw error("a field name is missing");
            skipSpace();
            expect(':');
            fields.put(name, value());
            skipSpace();
            if (peek() == ',') {
                at++;
                skipSpace();
                if (peek() == '}') {
                    at++;
                    return new AttributeValue.M(fields);
                }
                continue;
            }
            expect('}');
            return new AttributeValue.M(fields);
        }
    }

    private List<AttributeValue> list() {
        expect('[');
        List<AttributeValue> values = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            at++;
            return values;
        }
        while (true) {
            values.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
                skipSpace();
                if (peek() == ']') {
                    at++;
                    return values;
                }
                continue;
            }
            expect(']');
            return values;
        }
    }

    private byte[] blob() {
        at += 2;
        int end = text.indexOf("}}", at);
        if (end < 0) throw error("unterminated blob");
        String base64 = text.substring(at, end).replaceAll("\\s", "");
        at = end + 2;
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw error("a blob is not Base64");
        }
    }

    private BigDecimal number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eEdD_".indexOf(text.charAt(at)) >= 0) at++;
        String literal = text.substring(start, at).replace("_", "").replace('d', 'e').replace('D', 'e');
        try {
            return new BigDecimal(literal);
        } catch (NumberFormatException e) {
            throw error("not a number: " + literal);
        }
    }

    private String identifier() {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '_' || c == '$' || Character.isLetterOrDigit(c)) at++;
            else break;
        }
        return text.substring(start, at);
    }

    private String longString() {
        StringBuilder value = new StringBuilder();
        while (text.startsWith("'''", at)) {
            at += 3;
            int end = at;
            StringBuilder part = new StringBuilder();
            while (true) {
                if (end >= text.length()) throw error("unterminated long string");
                if (text.startsWith("'''", end)) break;
                end = escapedChar(end, part);
            }
            value.append(part);
            at = end + 3;
            skipSpace();
        }
        return value.toString();
    }

    private String quoted(char quote) {
        expect(quote);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= text.length()) throw error("unterminated string");
            if (text.charAt(at) == quote) {
                at++;
                return value.toString();
            }
            at = escapedChar(at, value);
        }
    }

    /** Appends the character (or escape) at {@code index}; returns the index after it. */
    private int escapedChar(int index, StringBuilder out) {
        char c = text.charAt(index);
        if (c != '\\') {
            out.append(c);
            return index + 1;
        }
        if (index + 1 >= text.length()) throw error("unterminated escape");
        char e = text.charAt(index + 1);
        switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case '0' -> out.append('\0');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case 'x' -> {
                out.append((char) hex(index + 2, 2));
                return index + 4;
            }
            case 'u' -> {
                out.append((char) hex(index + 2, 4));
                return index + 6;
            }
            case 'U' -> {
                out.appendCodePoint(hex(index + 2, 8));
                return index + 10;
            }
            default -> out.append(e);
        }
        return index + 2;
    }

    private int hex(int from, int digits) {
        if (from + digits > text.length()) throw error("short escape");
        try {
            return Integer.parseInt(text.substring(from, from + digits), 16);
        } catch (NumberFormatException e) {
            throw error("bad escape");
        }
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (text.startsWith("//", at)) {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", at)) {
                int end = text.indexOf("*/", at + 2);
                if (end < 0) throw error("unterminated comment");
                at = end + 2;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        at++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at column " + (at + 1));
    }
}
