package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.GroupStore;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.identity.ManagedPolicies;
import io.modyn.auth.iam.identity.ManagedPolicy;
import io.modyn.auth.iam.identity.RoleStore;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GetAccountSummary: the account's users, groups and roles counted from the store, and IAM's
 * default quotas as AWS reports them ({@code SummaryMap} of {@code entry}/{@code key}/{@code value}).
 * What this server has no entity for (MFA devices, server certificates, instance profiles,
 * identity providers) counts 0. The root's access keys come from the server's environment, so
 * they are always present.
 */
final class AccountSummaryActions {

    /** The counts of managed policies a summary reports. */
    record PolicyCounts(int policies, int policyVersionsInUse) {
        /** Customer managed policies, and the versions of those attached somewhere (IAM's PolicyVersionsInUse). */
        static PolicyCounts of(List<ManagedPolicy> policies) {
            int inUse = 0;
            for (ManagedPolicy policy : policies) {
                if (policy.attachmentCount() > 0) inUse += policy.versions().size();
            }
            return new PolicyCounts(policies.size(), inUse);
        }
    }

    private final IdentityStore store;
    private final ManagedPolicies managed;

    AccountSummaryActions(IdentityStore store, ManagedPolicies managed) {
        this.store = store;
        this.managed = managed;
    }

    void getAccountSummary(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        Map<String, Integer> summary = summary(store.users().size(), store.groupStore().count(), store.roleStore().count(),
                PolicyCounts.of(managed.policies()));
        result.start("SummaryMap");
        summary.forEach((key, value) -> result.start("entry").element("key", key).element("value", Integer.toString(value)).end());
        result.end();
    }

    static Map<String, Integer> summary(int users, int groups, int roles, PolicyCounts policies) {
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("Users", users);
        summary.put("UsersQuota", 5000);
        summary.put("Groups", groups);
        summary.put("GroupsQuota", GroupStore.MAX_GROUPS);
        summary.put("Roles", roles);
        summary.put("RolesQuota", RoleStore.MAX_ROLES);
        summary.put("Policies", policies.policies());
        summary.put("PoliciesQuota", 1500);
        summary.put("PolicySizeQuota", 6144);
        summary.put("PolicyVersionsInUse", policies.policyVersionsInUse());
        summary.put("PolicyVersionsInUseQuota", 10000);
        summary.put("VersionsPerPolicyQuota", 5);
        summary.put("AttachedPoliciesPerUserQuota", 10);
        summary.put("AttachedPoliciesPerGroupQuota", 10);
        summary.put("AttachedPoliciesPerRoleQuota", 10);
        summary.put("UserPolicySizeQuota", 2048);
        summary.put("GroupPolicySizeQuota", 5120);
        summary.put("RolePolicySizeQuota", 10240);
        summary.put("AssumeRolePolicySizeQuota", RoleActions.MAX_TRUST_POLICY_CHARACTERS);
        summary.put("GroupsPerUserQuota", GroupStore.MAX_GROUPS_PER_USER);
        summary.put("AccessKeysPerUserQuota", IdentityStore.MAX_ACCESS_KEYS_PER_USER);
        summary.put("SigningCertificatesPerUserQuota", 2);
        summary.put("ServerCertificates", 0);
        summary.put("ServerCertificatesQuota", 20);
        summary.put("InstanceProfiles", 0);
        summary.put("InstanceProfilesQuota", 1000);
        summary.put("Providers", 0);
        summary.put("MFADevices", 0);
        summary.put("MFADevicesInUse", 0);
        summary.put("AccountMFAEnabled", 0);
        summary.put("AccountAccessKeysPresent", 1);
        summary.put("AccountSigningCertificatesPresent", 0);
        summary.put("GlobalEndpointTokenVersion", 1);
        return summary;
    }
}
