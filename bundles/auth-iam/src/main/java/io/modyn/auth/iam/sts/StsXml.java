package io.modyn.auth.iam.sts;

import io.modyn.auth.iam.identity.SessionStore.NewSession;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.time.format.DateTimeFormatter;

/** STS's XML shapes. */
final class StsXml {

    private StsXml() {
    }

    /** {@code <Credentials>}: AccessKeyId, SecretAccessKey, SessionToken, Expiration (ISO 8601 UTC). */
    static void credentials(QueryXmlWriter xml, NewSession session) {
        xml.start("Credentials")
                .element("AccessKeyId", session.session().accessKeyId())
                .element("SecretAccessKey", session.secretAccessKey())
                .element("SessionToken", session.sessionToken())
                .element("Expiration", DateTimeFormatter.ISO_INSTANT.format(session.session().expiration()))
                .end();
    }
}
