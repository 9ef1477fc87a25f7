package io.modyn.auth.iam.identity;

import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The identity-based policies that bear on a principal's requests, parsed, for the authorizer: a
 * user's inline and attached policies and those of its groups; a role's inline and attached
 * policies. The request path must not read storage or parse JSON for every request, and a change
 * made on any node must apply everywhere within about a second, so each holder's answer is cached
 * for at most {@code maxAge} (at most one second) and then read again; a document already parsed
 * is reused when it comes back unchanged, so a refresh costs a storage read, not a parse.
 *
 * <p>{@link #sources} answers fresh from storage with where each policy came from, for
 * SimulatePrincipalPolicy.
 */
public final class IdentityPolicies {

    /** A policy and where it came from, as SimulatePrincipalPolicy's MatchedStatements name it. */
    public record Source(String id, String type, PolicyDocument document) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(List<PolicyDocument> documents, long loadedAt) {
    }

    private final PolicyStore store;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();

    public IdentityPolicies(PolicyStore store, Duration maxAge, LongSupplier nanoTime) {
        if (maxAge.isNegative() || maxAge.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("a cached policy may live between 0 and 1 s, not " + maxAge);
        }
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The user's inline and attached policies, then each of its groups'. Empty for an unknown user. */
    public List<PolicyDocument> forUser(String userName) {
        return cached(HolderKind.USER, userName);
    }

    /** The role's inline and attached policies. */
    public List<PolicyDocument> forRole(String roleName) {
        return cached(HolderKind.ROLE, roleName);
    }

    /** The group's inline and attached policies. */
    public List<PolicyDocument> forGroup(String groupName) {
        return cached(HolderKind.GROUP, groupName);
    }

    /** The default versions of these managed policies (a session's {@code PolicyArns}); unknown ARNs are skipped. */
    public List<PolicyDocument> managed(List<String> policyArns) {
        List<PolicyDocument> documents = new ArrayList<>();
        for (String arn : policyArns) {
            store.managed().findPolicy(arn).ifPresent(policy -> documents.add(parse(policy.defaultVersion().document(), PolicyKind.MANAGED)));
        }
        return documents;
    }

    /** As {@link #forUser} and friends, read now, each with its source. */
    public List<Source> sources(HolderKind kind, String name) {
        List<Source> sources = new ArrayList<>();
        addHolder(sources, kind, name);
        if (kind == HolderKind.USER) {
            for (String group : store.holders().groupsOfUser(name)) addHolder(sources, HolderKind.GROUP, group);
        }
        return sources;
    }

    private List<PolicyDocument> cached(HolderKind kind, String name) {
        String key = kind.code() + "/" + name.toLowerCase(Locale.ROOT);
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() <= maxAgeNanos) return entry.documents();
        List<PolicyDocument> documents = sources(kind, name).stream().map(Source::document).toList();
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(key, new Entry(documents, now));
        return documents;
    }

    private void addHolder(List<Source> sources, HolderKind kind, String name) {
        HolderPolicies policies = store.holderPolicies(kind, name);
        policies.inline().forEach((policyName, json) -> sources.add(new Source(policyName, kind.word(), parse(json, PolicyKind.IDENTITY))));
        for (String arn : policies.attached()) {
            store.managed().findPolicy(arn).ifPresent(policy ->
                    sources.add(new Source(policy.name(), "user-managed", parse(policy.defaultVersion().document(), PolicyKind.MANAGED))));
        }
    }

    /** Stored documents were valid when stored; one the parser now refuses fails the request rather than lose a Deny. */
    private PolicyDocument parse(String json, PolicyKind kind) {
        String key = kind.name() + '\n' + json;
        PolicyDocument document = parsed.get(key);
        if (document == null) {
            document = PolicyDocument.parse(json, kind);
            if (parsed.size() >= MAX_ENTRIES) parsed.clear();
            parsed.put(key, document);
        }
        return document;
    }
}
