package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.HolderKind;
import io.modyn.auth.iam.identity.ManagedPolicy;
import io.modyn.auth.iam.identity.PolicyStore;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** AttachUserPolicy, DetachUserPolicy, ListAttachedUserPolicies, and the same for groups and roles. */
final class AttachmentActions {

    private final PolicyStore store;
    private final HolderKind kind;

    AttachmentActions(PolicyStore store, HolderKind kind) {
        this.store = store;
        this.kind = kind;
    }

    void attach(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String holder = parameters.holderName(kind);
        String arn = parameters.policyArn();
        store.attachPolicy(kind, holder, arn);
    }

    void detach(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String holder = parameters.holderName(kind);
        String arn = parameters.policyArn();
        store.detachPolicy(kind, holder, arn);
    }

    void list(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String holder = parameters.holderName(kind);
        String prefix = common.pathPrefix();
        String marker = common.marker();
        int maxItems = common.maxItems();
        List<ManagedPolicy> attached = store.attachedPolicies(kind, holder).stream()
                .filter(policy -> policy.path().startsWith(prefix))
                .sorted(Comparator.comparing(policy -> policy.name().toLowerCase(Locale.ROOT)))
                .toList();
        Page<ManagedPolicy> page = Page.of(attached, policy -> policy.name().toLowerCase(Locale.ROOT), marker, maxItems);
        result.start("AttachedPolicies");
        for (ManagedPolicy policy : page.items()) {
            result.start("member")
                    .element("PolicyName", policy.name())
                    .element("PolicyArn", policy.arn(store.accountId()))
                    .end();
        }
        result.end();
        IamXml.truncation(result, page);
    }
}
