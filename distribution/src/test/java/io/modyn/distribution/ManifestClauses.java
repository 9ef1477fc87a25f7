package io.modyn.distribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads OSGi manifest headers such as {@code Import-Package}: clauses separated by commas, each
 * one or more names followed by {@code attribute=value} and {@code directive:=value} parameters;
 * quoted values may hold commas and semicolons ({@code version="[1.0,2)"}).
 */
final class ManifestClauses {

    /** One name of a header with the attributes of its clause (directives are not needed here). */
    record Clause(String name, Map<String, String> attributes) {
    }

    private ManifestClauses() {
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new HashMap<>();
            for (String part : split(clause, ';')) {
                int directive = part.indexOf(":=");
                int equals = part.indexOf('=');
                if (directive >= 0 && directive < equals) {
                    continue;
                }
                if (equals < 0) {
                    names.add(part);
                } else {
                    attributes.put(part.substring(0, equals).trim(), unquote(part.substring(equals + 1).trim()));
                }
            }
            for (String name : names) {
                clauses.add(new Clause(name, attributes));
            }
        }
        return clauses;
    }

    /** Splits at separators outside double quotes; trims the parts and drops empty ones. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                addTrimmed(parts, part);
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        addTrimmed(parts, part);
        return parts;
    }

    private static void addTrimmed(List<String> parts, StringBuilder part) {
        String trimmed = part.toString().trim();
        if (!trimmed.isEmpty()) {
            parts.add(trimmed);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
