package io.modyn.auth.iam.sts;

import io.modyn.api.extension.ProtocolHandler;
import io.modyn.auth.iam.query.QueryApi;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Function;

/**
 * The AWS Security Token Service API (version 2011-06-15) on the server's endpoint: requests signed
 * for service {@code sts} reach it through the wire protocol's {@link ProtocolHandler} extension
 * point. Today it answers {@code GetCallerIdentity}; every other action is {@code InvalidAction}.
 */
public final class StsApi {

    public static final String SIGNING_SERVICE = "sts";
    public static final String VERSION = "2011-06-15";
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsApi() {
    }

    /** The handler for a server whose callers are the account root only. */
    public static ProtocolHandler handler() {
        return handler(arn -> null);
    }

    /** @param userIds an IAM user's unique id ({@code AIDA...}) from its ARN, or null if unknown */
    public static ProtocolHandler handler(Function<String, String> userIds) {
        return new QueryApi(NAMESPACE, VERSION, Map.of(GetCallerIdentity.NAME, new GetCallerIdentity(userIds)));
    }

    /** The service properties the handler is registered with. */
    public static Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ProtocolHandler.SIGNING_SERVICE, SIGNING_SERVICE);
        return properties;
    }
}
