package io.modyn.auth.iam.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer managed policy as stored: name (unique in the account regardless of case), path, id
 * ({@code ANPA} and 16 characters), description, times, the default version's id, how many users,
 * groups and roles it is attached to, tags, and its versions (at most
 * {@link ManagedPolicies#MAX_VERSIONS}), newest first. {@code nextVersion} numbers the next version:
 * IAM never reuses a version id.
 */
public record ManagedPolicy(String name, String path, String policyId, String description, Instant createDate, Instant updateDate,
                            String defaultVersionId, int attachmentCount, Map<String, String> tags, int nextVersion,
                            List<Version> versions) {

    /** One version of the policy document. */
    public record Version(String versionId, String document, Instant createDate) {
    }

    public ManagedPolicy {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        versions = List.copyOf(versions);
    }

    /** {@code arn:aws:iam::<account>:policy<path><name>}; {@code aws} for the account of AWS managed policies. */
    public String arn(String accountId) {
        return "arn:aws:iam::" + (AwsManagedPolicies.isAwsManaged(this) ? "aws" : accountId) + ":policy" + path + name;
    }

    public Version defaultVersion() {
        return version(defaultVersionId);
    }

    /** The version with this id, or null. */
    public Version version(String versionId) {
        for (Version v : versions) {
            if (v.versionId().equals(versionId)) return v;
        }
        return null;
    }

    ManagedPolicy with(String newDefault, Instant updated, int attachments, Map<String, String> newTags, int next, List<Version> newVersions) {
        return new ManagedPolicy(name, path, policyId, description, createDate, updated, newDefault, attachments, newTags, next, newVersions);
    }

    ManagedPolicy withAttachments(int attachments) {
        return with(defaultVersionId, updateDate, attachments, tags, nextVersion, versions);
    }
}
