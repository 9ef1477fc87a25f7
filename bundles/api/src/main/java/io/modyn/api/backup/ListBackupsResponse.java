package io.modyn.api.backup;

import java.util.List;

/** ListBackups' answer; {@code lastEvaluatedBackupArn} is null on the last page. */
public record ListBackupsResponse(List<BackupSummary> backupSummaries, String lastEvaluatedBackupArn) {

    public ListBackupsResponse {
        backupSummaries = List.copyOf(backupSummaries);
    }
}
