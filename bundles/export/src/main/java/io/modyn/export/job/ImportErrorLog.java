package io.modyn.export.job;

import io.modyn.export.format.DynamoDbJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Where an import's refused lines are told, as DynamoDB tells them to the CloudWatch log group
 * {@code /aws-dynamodb/imports}: one JSON event per line (time, import ARN, S3 object, line number
 * and reason) in {@code <data>/logs/aws-dynamodb/imports/<importId>.log}, at most
 * {@value #MAX_EVENTS} events per import (DynamoDB also stops logging after a limit; the
 * ErrorCount keeps counting).
 */
public final class ImportErrorLog {

    static final String LOG_GROUP = "/aws-dynamodb/imports";
    static final int MAX_EVENTS = 10_000;
    private static final Logger LOG = Logger.getLogger(ImportErrorLog.class.getName());

    private final Path directory;
    private final Clock clock;

    ImportErrorLog(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The log group's ARN DescribeImport names. */
    public static String logGroupArn(String region, String accountId) {
        return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + LOG_GROUP + ":*";
    }

    Path file(String importId) {
        return directory.resolve(importId + ".log");
    }

    /** Starts an import's log afresh (a job run again after a restart counts again from zero). */
    void reset(String importId) {
        try {
            Files.deleteIfExists(file(importId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records one refused line; {@code sequence} is the import's error count so far, from 1. */
    void refused(String importArn, String importId, long sequence, String object, long line, String reason) {
        if (sequence > MAX_EVENTS) return;
        String event = DynamoDbJson.object()
                .add("timestamp", clock.millis())
                .add("importArn", importArn)
                .add("s3ObjectKey", object)
                .add("lineNumber", line)
                .add("errorMessage", reason)
                .build() + "\n";
        try {
            Files.createDirectories(directory);
            Files.writeString(file(importId), event, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warning(() -> "Import " + importArn + ": cannot write its error log: " + e.getMessage());
        }
        if (sequence == MAX_EVENTS) {
            LOG.info(() -> "Import " + importArn + ": " + MAX_EVENTS + " refused lines logged; further ones are only counted");
        }
    }
}
