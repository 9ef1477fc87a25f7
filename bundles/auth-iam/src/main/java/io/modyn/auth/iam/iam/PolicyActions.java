package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.identity.HolderKind;
import io.modyn.auth.iam.identity.PolicyStore;
import io.modyn.auth.iam.query.QueryAction;
import java.util.Map;

/** The policy actions of the IAM API by name, registered in one place so IamApi stays a list of families. */
final class PolicyActions {

    private PolicyActions() {
    }

    static void register(Map<String, QueryAction> actions, PolicyStore store) {
        for (HolderKind kind : HolderKind.values()) {
            String title = kind.title();
            InlinePolicyActions inline = new InlinePolicyActions(store, kind);
            actions.put("Put" + title + "Policy", IamAction.withoutResult(inline::put));
            actions.put("Get" + title + "Policy", IamAction.withResult(inline::get));
            actions.put("List" + title + "Policies", IamAction.withResult(inline::list));
            actions.put("Delete" + title + "Policy", IamAction.withoutResult(inline::delete));
            AttachmentActions attachments = new AttachmentActions(store, kind);
            actions.put("Attach" + title + "Policy", IamAction.withoutResult(attachments::attach));
            actions.put("Detach" + title + "Policy", IamAction.withoutResult(attachments::detach));
            actions.put("ListAttached" + title + "Policies", IamAction.withResult(attachments::list));
        }
        ManagedPolicyActions managed = new ManagedPolicyActions(store.managed());
        actions.put("CreatePolicy", IamAction.withResult(managed::createPolicy));
        actions.put("GetPolicy", IamAction.withResult(managed::getPolicy));
        actions.put("ListPolicies", IamAction.withResult(managed::listPolicies));
        actions.put("DeletePolicy", IamAction.withoutResult(managed::deletePolicy));
        actions.put("CreatePolicyVersion", IamAction.withResult(managed::createPolicyVersion));
        actions.put("GetPolicyVersion", IamAction.withResult(managed::getPolicyVersion));
        actions.put("ListPolicyVersions", IamAction.withResult(managed::listPolicyVersions));
        actions.put("DeletePolicyVersion", IamAction.withoutResult(managed::deletePolicyVersion));
        actions.put("SetDefaultPolicyVersion", IamAction.withoutResult(managed::setDefaultPolicyVersion));
        SimulationActions simulation = new SimulationActions(store);
        actions.put("SimulatePrincipalPolicy", IamAction.withResult(simulation::simulatePrincipalPolicy));
    }
}
