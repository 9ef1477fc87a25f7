package io.modyn.engine.stream;

import io.modyn.engine.EngineSettings;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What names a stream, as its ARN does: the table name and the stream label. Streams outlive their
 * table, so a stream is found by this key, not through the table's definition. Keys order by table
 * name, then label (labels are timestamps, so a table's streams order oldest first).
 */
record StreamKey(String tableName, String label) implements Comparable<StreamKey> {

    private static final Pattern ARN = Pattern.compile(
            "arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/([a-zA-Z0-9_.-]{3,255})/stream/(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3})");

    /** The stream ARN of a table ARN and a label. */
    static String arn(String tableArn, String label) {
        return tableArn + "/stream/" + label;
    }

    String arn(EngineSettings settings) {
        return arn(settings.tableArn(tableName), label);
    }

    /**
     * The key a well-formed stream ARN names, or null if it is not one. The region and account are
     * not checked here: compare {@link #arn(EngineSettings)} with the ARN to know it is this server's.
     */
    static StreamKey parse(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches() || !StreamLabels.isWellFormed(m.group(2))) return null;
        return new StreamKey(m.group(1), m.group(2));
    }

    @Override
    public int compareTo(StreamKey other) {
        int c = tableName.compareTo(other.tableName);
        return c != 0 ? c : label.compareTo(other.label);
    }
}
