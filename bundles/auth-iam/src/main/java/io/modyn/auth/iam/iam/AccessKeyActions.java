package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.AccessKey;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.identity.IdentityStore.NewAccessKey;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.List;

/**
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. Without
 * UserName they act on the caller's own keys, as AWS does. The account root's own keys come from
 * the server's environment, not from this API: the root must name a user.
 */
final class AccessKeyActions {

    private final IdentityStore store;

    AccessKeyActions(IdentityStore store) {
        this.store = store;
    }

    void createAccessKey(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        NewAccessKey created = store.createAccessKey(userOrCaller(parameters, caller));
        AccessKey key = created.key();
        result.start("AccessKey")
                .element("UserName", key.userName())
                .element("AccessKeyId", key.accessKeyId())
                .element("Status", key.status())
                .element("SecretAccessKey", created.secretAccessKey())
                .element("CreateDate", IamXml.date(key.createDate()))
                .end();
    }

    void listAccessKeys(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.optionalUserName();
        parameters.marker();
        parameters.maxItems();
        if (name == null && caller.isRoot()) {
            result.start("AccessKeyMetadata").end().element("IsTruncated", "false");
            return;
        }
        String userName = name == null ? caller.userName() : name;
        List<AccessKey> keys = store.accessKeys(userName);
        result.element("UserName", store.user(userName).name());
        result.start("AccessKeyMetadata");
        for (AccessKey key : keys) {
            result.start("member");
            IamXml.accessKeyMetadata(result, key);
            result.end();
        }
        result.end().element("IsTruncated", "false");
    }

    void updateAccessKey(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String keyId = parameters.accessKeyId();
        boolean active = parameters.status();
        store.updateAccessKey(ownerOf(parameters, caller, keyId), keyId, active);
    }

    void deleteAccessKey(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String keyId = parameters.accessKeyId();
        store.deleteAccessKey(ownerOf(parameters, caller, keyId), keyId);
    }

    /** Never used: ServiceName and Region {@code N/A} and no LastUsedDate, as AWS answers. */
    void getAccessKeyLastUsed(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String keyId = parameters.accessKeyId();
        AccessKey key = store.findAccessKey(keyId).orElseThrow(() -> noSuchKey(keyId));
        result.start("AccessKeyLastUsed");
        if (key.lastUsedDate() != null) result.element("LastUsedDate", IamXml.date(key.lastUsedDate()));
        result.element("ServiceName", key.lastUsedService() == null ? "N/A" : key.lastUsedService())
                .element("Region", key.lastUsedRegion() == null ? "N/A" : key.lastUsedRegion())
                .end()
                .element("UserName", key.userName());
    }

    private static String userOrCaller(IamParameters parameters, Caller caller) {
        String name = parameters.optionalUserName();
        if (name != null) return name;
        if (caller.isRoot()) {
            throw IamErrors.validation("The account root's access keys are the server's (MODYN_ROOT_ACCESS_KEY_ID); "
                    + "name the user with UserName.");
        }
        return caller.userName();
    }

    /** The user whose key this is meant to be: named, or the caller (for the root no user has the key). */
    private static String ownerOf(IamParameters parameters, Caller caller, String keyId) {
        String name = parameters.optionalUserName();
        if (name != null) return name;
        if (caller.isRoot()) throw noSuchKey(keyId);
        return caller.userName();
    }

    private static io.modyn.auth.iam.query.QueryError noSuchKey(String keyId) {
        return IamErrors.noSuchEntity("The Access Key with id " + keyId + " cannot be found.");
    }
}
