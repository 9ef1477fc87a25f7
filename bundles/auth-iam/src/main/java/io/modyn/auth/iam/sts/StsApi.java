package io.modyn.auth.iam.sts;

import io.modyn.api.extension.ProtocolHandler;
import io.modyn.auth.iam.identity.SessionCache;
import io.modyn.auth.iam.identity.SessionStore;
import io.modyn.auth.iam.query.QueryAction;
import io.modyn.auth.iam.query.QueryApi;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The AWS Security Token Service API (version 2011-06-15) on the server's endpoint: requests signed
 * for service {@code sts} reach it through the wire protocol's {@link ProtocolHandler} extension
 * point. It answers {@code GetCallerIdentity}, {@code GetSessionToken} and {@code AssumeRole};
 * every other action is {@code InvalidAction}.
 */
public final class StsApi {

    public static final String SIGNING_SERVICE = "sts";
    public static final String VERSION = "2011-06-15";
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsApi() {
    }

    /** The handler for a server whose callers are the account root only, without temporary credentials. */
    public static ProtocolHandler handler() {
        return handler(arn -> null);
    }

    /** GetCallerIdentity alone. @param userIds an IAM user's unique id ({@code AIDA...}) from its ARN, or null if unknown */
    public static ProtocolHandler handler(Function<String, String> userIds) {
        return new QueryApi(NAMESPACE, VERSION, Map.of(GetCallerIdentity.NAME, new GetCallerIdentity(userIds)));
    }

    /**
     * The full API.
     *
     * @param userIds an IAM user's unique id from its ARN, for principals that carry none
     * @param sessions where new sessions are written
     * @param sessionKeys the sessions temporary keys belong to (a calling role session's tags, role)
     * @param roles the roles AssumeRole may assume
     * @param callerPolicies the caller's identity-based policies, AssumeRole's other half of the decision
     */
    public static ProtocolHandler handler(Function<String, String> userIds, SessionStore sessions, SessionCache sessionKeys,
                                          AssumableRoles roles, CallerPolicies callerPolicies) {
        Map<String, QueryAction> actions = new LinkedHashMap<>();
        actions.put(GetCallerIdentity.NAME, new GetCallerIdentity(userIds));
        actions.put(GetSessionToken.NAME, new GetSessionToken(sessions));
        actions.put(AssumeRole.NAME, new AssumeRole(sessions, sessionKeys::findSession, roles, callerPolicies));
        return new QueryApi(NAMESPACE, VERSION, actions);
    }

    /** The service properties the handler is registered with. */
    public static Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ProtocolHandler.SIGNING_SERVICE, SIGNING_SERVICE);
        return properties;
    }
}
