package io.modyn.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A registry's samples as the Prometheus text format writes them: series (name and labels as written) to value. */
final class Exposition {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})?) (\\S+)");

    private Exposition() {
    }

    static String text(PrometheusRegistry registry) {
        return PrometheusTextFormatWriter.builder().build().toDebugString(registry.scrape());
    }

    static Map<String, Double> samples(PrometheusRegistry registry) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text(registry).split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher matcher = SAMPLE.matcher(line);
            if (!matcher.matches()) throw new AssertionError("Not a sample line: " + line);
            samples.put(matcher.group(1), Double.parseDouble(matcher.group(3)));
        }
        return samples;
    }
}
