package io.modyn.auth.iam.identity;

import java.time.Instant;

/**
 * An IAM group as stored: its name (unique in the account regardless of case), path, unique id
 * ({@code AGPA} and 16 characters) and creation time. Its members are recorded apart (see
 * {@link GroupStore}), so a group's record does not grow with them.
 */
public record IamGroup(String name, String path, String groupId, Instant createDate) {

    /** {@code arn:aws:iam::<account>:group<path><name>}, as AWS names a group. */
    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":group" + path + name;
    }
}
