package io.modyn.auth.iam.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Groups and roles for tests, standing in for the store that keeps them (users come from the IdentityStore). */
public final class TestHolders implements PolicyHolders {

    private final Set<String> groups = new HashSet<>();
    private final Set<String> roles = new HashSet<>();
    private final Map<String, List<String>> membership = new HashMap<>();

    public TestHolders group(String name, String... members) {
        groups.add(name.toLowerCase(Locale.ROOT));
        for (String member : members) membership.computeIfAbsent(member.toLowerCase(Locale.ROOT), m -> new ArrayList<>()).add(name);
        return this;
    }

    public TestHolders role(String name) {
        roles.add(name.toLowerCase(Locale.ROOT));
        return this;
    }

    @Override
    public boolean exists(HolderKind kind, String name) {
        return switch (kind) {
            case GROUP -> groups.contains(name.toLowerCase(Locale.ROOT));
            case ROLE -> roles.contains(name.toLowerCase(Locale.ROOT));
            case USER -> false;
        };
    }

    @Override
    public List<String> groupsOfUser(String userName) {
        return membership.getOrDefault(userName.toLowerCase(Locale.ROOT), List.of());
    }
}
