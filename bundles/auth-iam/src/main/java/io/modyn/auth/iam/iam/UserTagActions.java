package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.IamUser;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TagUser, UntagUser, ListUserTags. */
final class UserTagActions {

    private final IdentityStore store;

    UserTagActions(IdentityStore store) {
        this.store = store;
    }

    void tagUser(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.userName();
        store.tagUser(name, parameters.tags(true), IamParameters.MAX_TAGS);
    }

    void untagUser(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.userName();
        store.untagUser(name, parameters.tagKeys());
    }

    void listUserTags(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.userName();
        String marker = parameters.marker();
        int maxItems = parameters.maxItems();
        IamUser user = store.user(name);
        List<Map.Entry<String, String>> tags = new ArrayList<>(user.tags().entrySet());
        tags.sort(Map.Entry.comparingByKey());
        Page<Map.Entry<String, String>> page = Page.of(tags, Map.Entry::getKey, marker, maxItems);
        result.start("Tags");
        for (Map.Entry<String, String> tag : page.items()) {
            result.start("member").element("Key", tag.getKey()).element("Value", tag.getValue()).end();
        }
        result.end();
        IamXml.truncation(result, page);
    }
}
