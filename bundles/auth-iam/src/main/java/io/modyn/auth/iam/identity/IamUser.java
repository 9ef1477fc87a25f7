package io.modyn.auth.iam.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM user as stored: its name (unique in the account regardless of case, as IAM's are), path,
 * unique id ({@code AIDA} and 16 characters), creation time, tags in the order they were given,
 * and the ids of its access keys (at most {@link IdentityStore#MAX_ACCESS_KEYS_PER_USER}).
 */
public record IamUser(String name, String path, String userId, Instant createDate, Map<String, String> tags,
                      List<String> accessKeyIds) {

    public IamUser {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        accessKeyIds = List.copyOf(accessKeyIds);
    }

    /** {@code arn:aws:iam::<account>:user<path><name>}, as AWS names a user. */
    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":user" + path + name;
    }

    IamUser withKeys(List<String> keyIds) {
        return new IamUser(name, path, userId, createDate, tags, keyIds);
    }

    IamUser withTags(Map<String, String> newTags) {
        return new IamUser(name, path, userId, createDate, newTags, accessKeyIds);
    }

    IamUser renamed(String newName, String newPath) {
        return new IamUser(newName, newPath, userId, createDate, tags, accessKeyIds);
    }

    /** The key of a user's record: its name in lower case, since IAM names are unique regardless of case. */
    static String storageName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
