package io.modyn.backup;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup ARNs as DynamoDB forms them: {@code <table ARN>/backup/<id>}, the id being the creation
 * time in milliseconds, zero-padded to 14 digits, a dash and 8 random hex digits
 * ({@code arn:aws:dynamodb:us-east-1:000000000000:table/Music/backup/01576616366715-b4e58d3a}).
 * Ids sort by creation time, which is the order the catalog keeps and ListBackups answers in.
 */
public final class BackupArns {

    private static final Pattern ARN = Pattern.compile("arn:[^:]+:dynamodb:[^:]*:[^:]*:table/([^/]+)/backup/(\\d{14}-[0-9a-f]{8})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.concurrent.atomic.AtomicLong LAST_MILLIS = new java.util.concurrent.atomic.AtomicLong();

    private final String region;
    private final String accountId;

    public BackupArns(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    public String table(String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }

    public String backup(String tableName, String backupId) {
        return table(tableName) + "/backup/" + backupId;
    }

    /**
     * A creation time for a new backup: now, or a millisecond after the last one this server
     * handed out, so that ids (and ListBackups' order) follow creation order on this server.
     */
    public static Instant nextCreationTime() {
        long now = System.currentTimeMillis();
        return Instant.ofEpochMilli(LAST_MILLIS.accumulateAndGet(now, (last, wall) -> Math.max(last + 1, wall)));
    }

    public static String newId(Instant createdAt) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return String.format("%014d", createdAt.toEpochMilli()) + "-" + HexFormat.of().formatHex(random);
    }

    /** The id a backup ARN names, or null if it is no backup ARN. */
    public static String idOf(String backupArn) {
        if (backupArn == null) return null;
        Matcher m = ARN.matcher(backupArn);
        return m.matches() ? m.group(2) : null;
    }

    /** The table name in a table ARN of this server's form, or null. */
    public static String tableNameOf(String tableArn) {
        if (tableArn == null) return null;
        int slash = tableArn.indexOf(":table/");
        if (slash < 0 || !tableArn.startsWith("arn:")) return null;
        String name = tableArn.substring(slash + 7);
        return name.isEmpty() || name.contains("/") ? null : name;
    }
}
