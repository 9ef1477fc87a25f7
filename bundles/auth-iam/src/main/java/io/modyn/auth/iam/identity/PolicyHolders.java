package io.modyn.auth.iam.identity;

import java.util.List;

/**
 * Who exists to hold policies, and which groups a user is in: the seam between the policies
 * ({@link PolicyStore}, {@link IdentityPolicies}) and the stores of users, groups and roles. Users
 * come from the {@link IdentityStore}; groups and roles come from whichever store keeps them,
 * plugged in with {@link #withUsers}.
 */
public interface PolicyHolders {

    /** No groups and no roles. */
    PolicyHolders NONE = new PolicyHolders() {
        @Override
        public boolean exists(HolderKind kind, String name) {
            return false;
        }

        @Override
        public List<String> groupsOfUser(String userName) {
            return List.of();
        }
    };

    /** Whether a holder of this kind has this name (regardless of case, as IAM names are unique). */
    boolean exists(HolderKind kind, String name);

    /** The names of the groups the user is in; empty for an unknown user. */
    List<String> groupsOfUser(String userName);

    /** Users from {@code users}, groups and roles (and users' groups) from {@code groupsAndRoles}. */
    static PolicyHolders withUsers(IdentityStore users, PolicyHolders groupsAndRoles) {
        return new PolicyHolders() {
            @Override
            public boolean exists(HolderKind kind, String name) {
                return kind == HolderKind.USER ? users.findUser(name).isPresent() : groupsAndRoles.exists(kind, name);
            }

            @Override
            public List<String> groupsOfUser(String userName) {
                return groupsAndRoles.groupsOfUser(userName);
            }
        };
    }

    /** Users, groups and roles (and users' groups) as the identity store keeps them. */
    static PolicyHolders stored(IdentityStore identities) {
        return withUsers(identities, new PolicyHolders() {
            @Override
            public boolean exists(HolderKind kind, String name) {
                return switch (kind) {
                    case GROUP -> identities.groupStore().findGroup(name).isPresent();
                    case ROLE -> identities.roleStore().findRole(name).isPresent();
                    case USER -> identities.findUser(name).isPresent();
                };
            }

            @Override
            public List<String> groupsOfUser(String userName) {
                return identities.groupStore().groupsOfUser(userName);
            }
        });
    }
}
