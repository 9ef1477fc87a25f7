package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.HolderKind;
import io.modyn.auth.iam.identity.PolicyStore;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.List;

/**
 * Put, Get, List and Delete of the inline policies of one kind of holder: PutUserPolicy,
 * GetUserPolicy, ListUserPolicies, DeleteUserPolicy, and the same for groups and roles.
 */
final class InlinePolicyActions {

    private final PolicyStore store;
    private final HolderKind kind;

    InlinePolicyActions(PolicyStore store, HolderKind kind) {
        this.store = store;
        this.kind = kind;
    }

    void put(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String holder = parameters.holderName(kind);
        String policyName = parameters.policyName();
        String document = parameters.policyDocument();
        store.putInlinePolicy(kind, holder, policyName, document);
    }

    void get(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String holder = parameters.holderName(kind);
        String policyName = parameters.policyName();
        String document = store.inlinePolicy(kind, holder, policyName);
        result.element(kind.title() + "Name", holder)
                .element("PolicyName", policyName)
                .element("PolicyDocument", PolicyXml.encode(document));
    }

    void list(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String holder = parameters.holderName(kind);
        String marker = common.marker();
        int maxItems = common.maxItems();
        List<String> names = store.inlinePolicyNames(kind, holder);
        Page<String> page = Page.of(names, name -> name, marker, maxItems);
        result.start("PolicyNames");
        for (String name : page.items()) result.element("member", name);
        result.end();
        IamXml.truncation(result, page);
    }

    void delete(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String holder = parameters.holderName(kind);
        String policyName = parameters.policyName();
        store.deleteInlinePolicy(kind, holder, policyName);
    }
}
