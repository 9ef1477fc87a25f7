package io.modyn.itests.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4), as a scraper reads it:
 * {@code # HELP} and {@code # TYPE} lines, then samples {@code name{label="value",...} value}, label
 * values with the format's escapes ({@code \\}, {@code \"}, {@code \n}). Anything else fails the
 * parse, as does a sample of no declared family (a counter's family is named with or without its
 * {@code _total}, a histogram's samples end in {@code _bucket}, {@code _count} and {@code _sum}), a
 * family declared twice, or the same series twice.
 */
public final class PrometheusText {

    /** One sample: its name, labels (sorted by name) and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Map<String, Set<String>> SUFFIXES = Map.of(
            "counter", Set.of("", "_total", "_created"),
            "gauge", Set.of(""),
            "histogram", Set.of("_bucket", "_count", "_sum", "_created"),
            "summary", Set.of("", "_count", "_sum", "_created"),
            "untyped", Set.of(""),
            "info", Set.of("_info"),
            "stateset", Set.of(""),
            "unknown", Set.of(""));

    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private PrometheusText() {
    }

    public static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        if (!text.isEmpty() && !text.endsWith("\n")) throw new IllegalArgumentException("The exposition does not end with a newline");
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) continue;
            try {
                parsed.line(line);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Line " + number + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return parsed;
    }

    private void line(String line) {
        if (line.startsWith("# HELP ")) {
            name(line.substring(7).split(" ", 2)[0]);
            return;
        }
        if (line.startsWith("# TYPE ")) {
            String[] parts = line.substring(7).split(" ");
            if (parts.length != 2 || !SUFFIXES.containsKey(parts[1])) throw new IllegalArgumentException("bad TYPE line");
            if (types.put(name(parts[0]), parts[1]) != null) throw new IllegalArgumentException("family declared twice");
            return;
        }
        if (line.startsWith("#")) return; // a comment
        Cursor cursor = new Cursor(line);
        String name = name(cursor.name());
        Map<String, String> labels = new TreeMap<>();
        if (cursor.peek() == '{') labels = cursor.labels();
        cursor.expect(' ');
        String[] rest = cursor.rest().split(" ");
        if (rest.length > 2) throw new IllegalArgumentException("trailing text after value and timestamp");
        if (rest.length == 2) Long.parseLong(rest[1]);
        double value = value(rest[0]);
        if (family(name) == null) throw new IllegalArgumentException("sample of no declared family");
        Sample sample = new Sample(name, Map.copyOf(labels), value);
        for (Sample earlier : samples) {
            if (earlier.name().equals(name) && earlier.labels().equals(sample.labels())) {
                throw new IllegalArgumentException("series given twice");
            }
        }
        samples.add(sample);
    }

    /** The declared family a sample name belongs to, or null. */
    private String family(String sampleName) {
        for (Map.Entry<String, String> family : types.entrySet()) {
            for (String suffix : SUFFIXES.get(family.getValue())) {
                if (sampleName.equals(family.getKey() + suffix)) return family.getKey();
            }
        }
        return null;
    }

    private static String name(String name) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) throw new IllegalArgumentException("bad metric name '" + name + "'");
        return name;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                if (!text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) throw new IllegalArgumentException("bad value");
                yield Double.parseDouble(text);
            }
        };
    }

    /** The type a family was declared with, or null. */
    public String type(String family) {
        return types.get(family);
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The value of the one series with exactly these labels (alternating names and values); fails if there is none. */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) wanted.put(labels[i], labels[i + 1]);
        for (Sample sample : samples) {
            if (sample.name().equals(name) && sample.labels().equals(wanted)) return sample.value();
        }
        throw new AssertionError("No series " + name + wanted + " among " + samples.stream()
                .filter(sample -> sample.name().equals(name)).map(sample -> sample.labels().toString()).toList());
    }

    /** Whether some series of {@code name} has all these labels (and maybe others). */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(sample -> {
            if (!sample.name().equals(name)) return false;
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(sample.labels().get(labels[i]))) return false;
            }
            return true;
        });
    }

    /** Reads a sample line from its start: the name, the label set, the separator. */
    private static final class Cursor {

        private final String line;
        private int at;

        Cursor(String line) {
            this.line = line;
        }

        char peek() {
            return at < line.length() ? line.charAt(at) : '\0';
        }

        void expect(char c) {
            if (peek() != c) throw new IllegalArgumentException("expected '" + c + "' at " + at);
            at++;
        }

        String name() {
            int start = at;
            while (at < line.length() && line.charAt(at) != '{' && line.charAt(at) != ' ') at++;
            return line.substring(start, at);
        }

        Map<String, String> labels() {
            expect('{');
            Map<String, String> labels = new TreeMap<>();
            while (peek() != '}') {
                int start = at;
                while (at < line.length() && line.charAt(at) != '=') at++;
                String label = line.substring(start, at);
                if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*")) throw new IllegalArgumentException("bad label name '" + label + "'");
                expect('=');
                expect('"');
                StringBuilder value = new StringBuilder();
                while (peek() != '"') {
                    char c = line.charAt(at++);
                    if (c == '\\') {
                        char escaped = line.charAt(at++);
                        switch (escaped) {
                            case '\\' -> value.append('\\');
                            case '"' -> value.append('"');
                            case 'n' -> value.append('\n');
                            default -> throw new IllegalArgumentException("bad escape \\" + escaped);
                        }
                    } else {
                        value.append(c);
                    }
                    if (at >= line.length()) throw new IllegalArgumentException("unterminated label value");
                }
                expect('"');
                if (labels.put(label, value.toString()) != null) throw new IllegalArgumentException("label given twice");
                if (peek() == ',') at++;
            }
            expect('}');
            return labels;
        }

        String rest() {
            return line.substring(at);
        }
    }
}
