package io.modyn.engine.authorization;

import io.modyn.engine.EngineSettings;

/**
 * The ARNs IAM policies name DynamoDB resources by, in this server's region and account:
 * {@code arn:aws:dynamodb:<region>:<account>:table/<name>}, its {@code /index/<name>} and
 * {@code /stream/<label>}, and {@code *} for actions on no particular resource.
 */
public final class ResourceArns {

    /** The resource of actions that act on no particular resource (ListTables, DescribeLimits, ...). */
    public static final String ANY = "*";

    private final EngineSettings settings;

    public ResourceArns(EngineSettings settings) {
        this.settings = settings;
    }

    public String table(String tableName) {
        return settings.tableArn(tableName);
    }

    public String index(String tableName, String indexName) {
        return table(tableName) + "/index/" + indexName;
    }

    public String stream(String tableName, String streamLabel) {
        return table(tableName) + "/stream/" + streamLabel;
    }

    /** The table a table, index or stream ARN of this server names; null for any other ARN (or {@code *}). */
    public String tableOf(String arn) {
        String prefix = table("");
        if (arn == null || !arn.startsWith(prefix) || arn.length() == prefix.length()) return null;
        int slash = arn.indexOf('/', prefix.length());
        return slash < 0 ? arn.substring(prefix.length()) : arn.substring(prefix.length(), slash);
    }
}
