package io.modyn.auth.iam.authorization;

import io.modyn.api.auth.Principal;

/**
 * Where the {@link IamAuthorizer} gets a caller's policies from: IAM's users, groups and managed
 * policies, roles and STS sessions each resolve their own principals. Asked once per operation,
 * never for the account root, from many threads at once; an implementation answers from its own
 * cache (at most a second old, so that a changed policy takes effect within a second) and returns
 * the same {@link Caller} instance while nothing changed, which is what lets decisions be cached.
 */
@FunctionalInterface
public interface CallerPolicies {

    /**
     * Every caller has no policy: IAM users are denied everything (until policies can be attached),
     * which is AWS's default for a user without policies.
     */
    CallerPolicies NONE = principal -> Caller.userWithoutPolicies(userNameOf(principal.arn()));

    /**
     * @param principal an authenticated caller other than the account root
     * @return its policies; a caller the source does not know gets no policies (default deny)
     */
    Caller of(Principal principal);

    /** The friendly name of an IAM user's ARN ({@code arn:aws:iam::<account>:user/<path>name}); null for other ARNs. */
    static String userNameOf(String arn) {
        int user = arn.indexOf(":user/");
        if (user < 0 || !arn.startsWith("arn:") || !arn.contains(":iam:")) {
            return null;
        }
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
