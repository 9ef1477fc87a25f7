package io.modyn.auth.iam.identity;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policies of one user, group or role: its inline policies (name to document as given, ordered
 * by name) and the ARNs of the managed policies attached to it, in the order they were attached.
 */
public record HolderPolicies(Map<String, String> inline, List<String> attached) {

    static final HolderPolicies NONE = new HolderPolicies(Map.of(), List.of());

    public HolderPolicies {
        inline = Collections.unmodifiableMap(new TreeMap<>(inline));
        attached = List.copyOf(attached);
    }

    public boolean isEmpty() {
        return inline.isEmpty() && attached.isEmpty();
    }
}
