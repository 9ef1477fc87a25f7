package io.modyn.auth.iam.authorization;

import io.modyn.api.auth.Principal;
import io.modyn.api.auth.ResourceTags;
import io.modyn.api.dynamodb.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The global condition keys of one request, produced only when a policy tests them (most test none):
 * {@code aws:SourceIp}, {@code aws:SecureTransport}, {@code aws:UserAgent} from the connection,
 * {@code aws:CurrentTime} and {@code aws:EpochTime} from the clock (read once per request),
 * {@code aws:PrincipalType}, {@code aws:userid}, {@code aws:username} and
 * {@code aws:PrincipalTag/<key>} from the caller, {@code aws:ResourceTag/<key>} from the resource's
 * tags. Keys arrive in lower case; tag keys compare ignoring case, as IAM's do.
 */
final class RequestKeys implements Function<String, List<String>> {

    private static final String PRINCIPAL_TAG = "aws:principaltag/";
    private static final String RESOURCE_TAG = "aws:resourcetag/";

    private final RequestContext context;
    private final Principal principal;
    private final Caller caller;
    private final boolean root;
    private final ResourceTags resourceTags;
    private final String resource;
    private final Clock clock;
    private Instant now;

    RequestKeys(RequestContext context, Caller caller, boolean root, ResourceTags resourceTags, String resource, Clock clock) {
        this.context = context;
        this.principal = context.principal();
        this.caller = caller;
        this.root = root;
        this.resourceTags = resourceTags;
        this.resource = resource;
        this.clock = clock;
    }

    @Override
    public List<String> apply(String key) {
        switch (key) {
            case "aws:sourceip":
                return one(context.sourceIp());
            case "aws:securetransport":
                return List.of(Boolean.toString(context.secureTransport()));
            case "aws:useragent":
                return one(context.userAgent());
            case "aws:currenttime":
                return List.of(now().toString());
            case "aws:epochtime":
                return List.of(Long.toString(now().getEpochSecond()));
            case "aws:principaltype":
                return one(principalType(principal.arn(), root));
            case "aws:userid":
                return one(principal.userId());
            case "aws:username":
                return one(caller.userName());
            default:
                if (key.startsWith(PRINCIPAL_TAG)) {
                    return one(caller.principalTag(key.substring(PRINCIPAL_TAG.length())));
                }
                if (key.startsWith(RESOURCE_TAG) && resourceTags != null) {
                    return one(tag(resourceTags.of(resource), key.substring(RESOURCE_TAG.length())));
                }
                return null;
        }
    }

    /** IAM's {@code aws:PrincipalType}: Account (the root), User, AssumedRole or FederatedUser. */
    static String principalType(String arn, boolean root) {
        if (root) {
            return "Account";
        }
        if (arn.contains(":assumed-role/")) {
            return "AssumedRole";
        }
        if (arn.contains(":federated-user/")) {
            return "FederatedUser";
        }
        return arn.contains(":user/") ? "User" : null;
    }

    private Instant now() {
        if (now == null) {
            now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        return now;
    }

    private static String tag(Map<String, String> tags, String lowerCaseKey) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().equalsIgnoreCase(lowerCaseKey)) {
                return tag.getValue();
            }
        }
        return null;
    }

    private static List<String> one(String value) {
        return value == null ? null : List.of(value);
    }
}
