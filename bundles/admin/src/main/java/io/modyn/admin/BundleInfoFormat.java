package io.modyn.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders bundle information as an aligned text table (for people) or JSON (for scripts). The JSON
 * is written by hand: five flat fields do not justify a JSON library in the server.
 */
final class BundleInfoFormat {

    private static final String[] HEADINGS = {"ID", "State", "Symbolic name", "Version", "Location"};

    private BundleInfoFormat() {
    }

    static String text(List<BundleInfo> bundles) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (BundleInfo bundle : bundles) {
            rows.add(new String[] {Long.toString(bundle.id()), bundle.state(),
                    String.valueOf(bundle.symbolicName()), bundle.version(), bundle.location()});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            // The id column is right-aligned like numbers; the last column is not padded.
            text.append(" ".repeat(widths[0] - row[0].length())).append(row[0]);
            for (int column = 1; column < row.length - 1; column++) {
                text.append("  ").append(row[column]).append(" ".repeat(widths[column] - row[column].length()));
            }
            text.append("  ").append(row[row.length - 1]).append('\n');
        }
        return text.toString();
    }

    static String json(List<BundleInfo> bundles) {
        StringBuilder json = new StringBuilder("{\"bundles\":[");
        for (int i = 0; i < bundles.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            appendObject(json, bundles.get(i));
        }
        return json.append("]}").toString();
    }

    static String json(BundleInfo bundle) {
        StringBuilder json = new StringBuilder();
        appendObject(json, bundle);
        return json.toString();
    }

    static String jsonError(String message) {
        StringBuilder json = new StringBuilder("{\"error\":");
        appendString(json, message);
        return json.append('}').toString();
    }

    private static void appendObject(StringBuilder json, BundleInfo bundle) {
        json.append("{\"id\":").append(bundle.id());
        json.append(",\"state\":");
        appendString(json, bundle.state());
        json.append(",\"symbolicName\":");
        appendString(json, bundle.symbolicName());
        json.append(",\"version\":");
        appendString(json, bundle.version());
        json.append(",\"location\":");
        appendString(json, bundle.location());
        json.append('}');
    }

    private static void appendString(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
