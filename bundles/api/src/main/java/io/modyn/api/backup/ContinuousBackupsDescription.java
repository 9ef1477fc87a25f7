package io.modyn.api.backup;

/**
 * The {@code ContinuousBackupsDescription} UpdateContinuousBackups and DescribeContinuousBackups
 * answer; {@code continuousBackupsStatus} is always {@link #ENABLED}, as DynamoDB's is.
 */
public record ContinuousBackupsDescription(String continuousBackupsStatus, PointInTimeRecoveryDescription pointInTimeRecoveryDescription) {

    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";
}
