package io.modyn.export.job;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table, export and import ARNs. A job id is DynamoDB's: the start time in epoch milliseconds
 * (14 digits) and 8 random hex digits, {@code 01695048328000-a1b2c3d4}; an export is
 * {@code <tableArn>/export/<id>}, an import {@code <tableArn>/import/<id>}.
 */
public final class JobArns {

    private static final Pattern TABLE = Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})");
    private static final Pattern JOB = Pattern.compile("(arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255})/(export|import)/(\\d{14}-[0-9a-f]{8})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobArns() {
    }

    /** The table name of a table ARN, or null when it is not one. */
    public static String tableName(String tableArn) {
        Matcher m = tableArn == null ? null : TABLE.matcher(tableArn);
        return m != null && m.matches() ? m.group(3) : null;
    }

    /** The account of a table ARN, or null when it is not one. */
    public static String account(String tableArn) {
        Matcher m = tableArn == null ? null : TABLE.matcher(tableArn);
        return m != null && m.matches() ? m.group(2) : null;
    }

    public static String tableArn(String region, String accountId, String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }

    /** A new job id for a job starting at {@code now}. */
    public static String newJobId(Instant now) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return String.format("%014d", now.toEpochMilli()) + "-" + HexFormat.of().formatHex(random);
    }

    /** The id of an export or import ARN, or null when it is not one. */
    public static String jobId(String jobArn) {
        Matcher m = jobArn == null ? null : JOB.matcher(jobArn);
        return m != null && m.matches() ? m.group(3) : null;
    }

    /** The table ARN of an export or import ARN, or null when it is not one. */
    public static String jobTable(String jobArn) {
        Matcher m = jobArn == null ? null : JOB.matcher(jobArn);
        return m != null && m.matches() ? m.group(1) : null;
    }
}
