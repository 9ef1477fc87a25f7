package io.modyn.auth.iam.identity;

import java.time.Instant;

/**
 * An IAM user's access key as stored, without its secret (which stays sealed in the store):
 * its id ({@code AKIA} and 16 characters), its user, whether it is active, when it was created and
 * when, for which service and in which region it was last used (null if never).
 */
public record AccessKey(String accessKeyId, String userName, boolean active, Instant createDate,
                       Instant lastUsedDate, String lastUsedService, String lastUsedRegion) {

    public static final String ACTIVE = "Active";
    public static final String INACTIVE = "Inactive";

    /** {@code Active} or {@code Inactive}, as IAM spells the status. */
    public String status() {
        return active ? ACTIVE : INACTIVE;
    }
}
