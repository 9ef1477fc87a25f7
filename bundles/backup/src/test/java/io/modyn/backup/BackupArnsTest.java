package io.modyn.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupArnsTest {

    @Test
    void idsAreTheCreationMillisPaddedAndEightHexDigitsAndSortByTime() {
        String early = BackupArns.newId(Instant.ofEpochMilli(1576616366715L));
        assertTrue(early.matches("01576616366715-[0-9a-f]{8}"), early);
        assertTrue(early.compareTo(BackupArns.newId(Instant.ofEpochMilli(1576616366716L))) < 0);
    }

    @Test
    void anArnNamesItsIdAndOnlyABackupArnDoes() {
        BackupArns arns = new BackupArns("eu-west-1", "123456789012");
        String arn = arns.backup("Music", "01576616366715-b4e58d3a");
        assertEquals("arn:aws:dynamodb:eu-west-1:123456789012:table/Music/backup/01576616366715-b4e58d3a", arn);
        assertEquals("01576616366715-b4e58d3a", BackupArns.idOf(arn));
        assertNull(BackupArns.idOf(arns.table("Music")));
        assertNull(BackupArns.idOf("arn:aws:dynamodb:eu-west-1:123456789012:table/Music/backup/1-b4e58d3a"));
        assertEquals("Music", BackupArns.tableNameOf(arns.table("Music")));
        assertNull(BackupArns.tableNameOf(arn));
    }
}
