package io.modyn.auth.iam.identity;

import java.util.Locale;

/**
 * What an IAM policy is put on or attached to: a user, a group or a role. Each has its own limit
 * for the aggregate size of its inline policies (IAM's quotas: 2,048, 5,120 and 10,240 characters
 * without whitespace) and its own wording in IAM's errors ("The user policy with name x ...").
 */
public enum HolderKind {
    USER('U', "user", "User", 2048),
    GROUP('G', "group", "Group", 5120),
    ROLE('R', "role", "Role", 10240);

    /** Managed policies one holder may have attached (IAM's default quota). */
    public static final int MAX_ATTACHED_POLICIES = 10;

    private final char code;
    private final String word;
    private final String title;
    private final int maxInlineSize;

    HolderKind(char code, String word, String title, int maxInlineSize) {
        this.code = code;
        this.word = word;
        this.title = title;
        this.maxInlineSize = maxInlineSize;
    }

    /** "user", "group", "role": as IAM's messages and {@code SourcePolicyType} name it. */
    public String word() {
        return word;
    }

    /** "User", "Group", "Role": as IAM's quota names ({@code PoliciesPerUser}) and request members ({@code UserName}) spell it. */
    public String title() {
        return title;
    }

    /** The most characters (whitespace not counted) all of one holder's inline policies may have together. */
    public int maxInlineSize() {
        return maxInlineSize;
    }

    char code() {
        return code;
    }

    /** The holder named by an ARN's resource type ({@code user}, {@code group}, {@code role}), or null. */
    public static HolderKind ofArnType(String type) {
        for (HolderKind kind : values()) {
            if (kind.word.equals(type.toLowerCase(Locale.ROOT))) return kind;
        }
        return null;
    }
}
