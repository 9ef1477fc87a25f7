package io.modyn.auth.iam.sts;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.auth.iam.credentials.AccessKeyGenerator;
import io.modyn.auth.iam.identity.Session;
import io.modyn.auth.iam.identity.SessionStore;
import io.modyn.auth.iam.identity.SessionStore.Grant;
import io.modyn.auth.iam.identity.SessionStore.NewSession;
import io.modyn.auth.iam.query.QueryAction;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * STS {@code GetSessionToken}: temporary credentials that act as the caller itself (same ARN, same
 * user id), for 900 seconds to 36 hours, 12 by default; the root's at most one hour (a longer
 * request gets one hour, as AWS documents). Only long-term keys may call it, as in AWS. No MFA:
 * {@code SerialNumber} and {@code TokenCode} are not checked (there are no MFA devices).
 */
final class GetSessionToken implements QueryAction {

    static final String NAME = "GetSessionToken";
    static final int MIN_SECONDS = 900;
    static final int MAX_SECONDS = 129_600;
    static final int DEFAULT_SECONDS = 43_200;
    static final int ROOT_MAX_SECONDS = 3600;

    private final SessionStore sessions;

    GetSessionToken(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public void answer(Map<String, String> parameters, ProtocolRequest request, QueryXmlWriter result) {
        Principal caller = StsErrors.caller(request);
        int seconds = new StsParameters(parameters).durationSeconds(MIN_SECONDS, MAX_SECONDS, DEFAULT_SECONDS);
        if (AccessKeyGenerator.isTemporary(caller.accessKeyId())) {
            throw StsErrors.accessDenied("Cannot call GetSessionToken with session credentials");
        }
        boolean root = caller.arn().endsWith(":root");
        if (root) seconds = Math.min(seconds, ROOT_MAX_SECONDS);
        String name = root ? null : caller.arn().substring(caller.arn().lastIndexOf('/') + 1);
        String userId = caller.userId() != null ? caller.userId() : root ? caller.accountId() : caller.accessKeyId();
        NewSession session = sessions.create(new Grant(Session.Kind.SESSION_TOKEN, caller.accountId(), caller.arn(), userId, name,
                caller.arn(), Duration.ofSeconds(seconds), null, List.of(), Map.of(), List.of(), null));
        StsXml.credentials(result, session);
    }
}
