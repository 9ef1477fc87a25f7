package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.AwsManagedPolicies;
import io.modyn.auth.iam.identity.ManagedPolicy;
import io.modyn.auth.iam.identity.ManagedPolicies;
import io.modyn.auth.iam.query.QueryError;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * CreatePolicy, GetPolicy, ListPolicies, DeletePolicy and the versions: CreatePolicyVersion,
 * GetPolicyVersion, ListPolicyVersions, DeletePolicyVersion, SetDefaultPolicyVersion. Scope AWS
 * lists the {@link AwsManagedPolicies} we know; they can be read and attached, and changing one is
 * AccessDenied, as for any resource of another account.
 */
final class ManagedPolicyActions {

    private final ManagedPolicies store;

    ManagedPolicyActions(ManagedPolicies store) {
        this.store = store;
    }

    void createPolicy(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String name = parameters.policyName();
        String path = common.path("Path", "path");
        String document = parameters.policyDocument();
        String description = parameters.description();
        Map<String, String> tags = common.tags(false);
        ManagedPolicy policy = store.createPolicy(name, path == null ? "/" : path, description, document, tags);
        result.start("Policy");
        PolicyXml.policyMembers(result, policy, store.accountId(), true);
        result.end();
    }

    void getPolicy(IamParameters common, Caller caller, QueryXmlWriter result) {
        ManagedPolicy policy = store.policy(new PolicyParameters(common).policyArn());
        result.start("Policy");
        PolicyXml.policyMembers(result, policy, store.accountId(), true);
        result.end();
    }

    void listPolicies(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String scope = parameters.scope();
        boolean onlyAttached = parameters.flag("OnlyAttached", "onlyAttached");
        String prefix = common.pathPrefix();
        String marker = common.marker();
        int maxItems = common.maxItems();
        List<ManagedPolicy> candidates = new ArrayList<>();
        if (!scope.equals("AWS")) candidates.addAll(store.policies());
        if (!scope.equals("Local")) candidates.addAll(store.awsPolicies());
        Function<ManagedPolicy, String> key = policy -> policy.name().toLowerCase(Locale.ROOT) + " " + policy.arn(store.accountId());
        List<ManagedPolicy> policies = candidates.stream()
                .filter(policy -> policy.path().startsWith(prefix))
                .filter(policy -> !onlyAttached || policy.attachmentCount() > 0)
                .sorted(Comparator.comparing(key))
                .toList();
        Page<ManagedPolicy> page = Page.of(policies, key, marker, maxItems);
        result.start("Policies");
        for (ManagedPolicy policy : page.items()) {
            result.start("member");
            PolicyXml.policyMembers(result, policy, store.accountId(), false);
            result.end();
        }
        result.end();
        IamXml.truncation(result, page);
    }

    void deletePolicy(IamParameters common, Caller caller, QueryXmlWriter result) {
        store.deletePolicy(customers(new PolicyParameters(common).policyArn(), caller, "DeletePolicy"));
    }

    void createPolicyVersion(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String arn = customers(parameters.policyArn(), caller, "CreatePolicyVersion");
        String document = parameters.policyDocument();
        boolean setAsDefault = parameters.flag("SetAsDefault", "setAsDefault");
        ManagedPolicy.Version version = store.createPolicyVersion(arn, document, setAsDefault);
        result.start("PolicyVersion");
        PolicyXml.versionMembers(result, version, setAsDefault, false);
        result.end();
    }

    void getPolicyVersion(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String arn = parameters.policyArn();
        String versionId = parameters.versionId();
        ManagedPolicy policy = store.policy(arn);
        ManagedPolicy.Version version = store.policyVersion(arn, versionId);
        result.start("PolicyVersion");
        PolicyXml.versionMembers(result, version, policy.defaultVersionId().equals(versionId), true);
        result.end();
    }

    /** Newest first, as IAM lists them. */
    void listPolicyVersions(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String arn = parameters.policyArn();
        String marker = common.marker();
        int maxItems = common.maxItems();
        ManagedPolicy policy = store.policy(arn);
        Page<ManagedPolicy.Version> page = Page.of(policy.versions(), ManagedPolicyActions::newestFirstKey, marker, maxItems);
        result.start("Versions");
        for (ManagedPolicy.Version version : page.items()) {
            result.start("member");
            PolicyXml.versionMembers(result, version, version.versionId().equals(policy.defaultVersionId()), false);
            result.end();
        }
        result.end();
        IamXml.truncation(result, page);
    }

    void deletePolicyVersion(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String arn = customers(parameters.policyArn(), caller, "DeletePolicyVersion");
        store.deletePolicyVersion(arn, parameters.versionId());
    }

    void setDefaultPolicyVersion(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String arn = customers(parameters.policyArn(), caller, "SetDefaultPolicyVersion");
        store.setDefaultPolicyVersion(arn, parameters.versionId());
    }

    /** The ARN, unless it is an AWS managed policy's: those belong to AWS's account, and no caller here may change them. */
    private static String customers(String arn, Caller caller, String action) {
        if (AwsManagedPolicies.isAwsArn(arn)) {
            throw new QueryError(true, "AccessDenied", "User: " + caller.principal().arn() + " is not authorized to perform: iam:" + action
                    + " on resource: policy " + arn, 403);
        }
        return arn;
    }

    /** A key that sorts v12 before v3 (Page needs ascending keys): the version number counted down. */
    private static String newestFirstKey(ManagedPolicy.Version version) {
        String digits = version.versionId().substring(1).split("\\.")[0];
        return String.format("%010d", Integer.MAX_VALUE - Integer.parseInt(digits));
    }
}
