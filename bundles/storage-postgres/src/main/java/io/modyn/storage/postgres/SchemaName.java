package io.modyn.storage.postgres;

/**
 * The configured schema name. It is written into SQL text (identifiers cannot be bind
 * parameters), so only plain lower-case PostgreSQL identifiers are accepted: nothing to quote,
 * nothing to inject, and the name means the same in psql as in the configuration.
 */
final class SchemaName {

    private static final int MAX_LENGTH = 63;

    private SchemaName() {
    }

    static String check(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || !isLetter(name.charAt(0))) throw invalid(name);
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9')) throw invalid(name);
        }
        return name;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || c == '_';
    }

    private static IllegalArgumentException invalid(String name) {
        return new IllegalArgumentException("invalid schema name '" + name + "': expected [a-z_][a-z0-9_]*, at most 63 characters");
    }
}
