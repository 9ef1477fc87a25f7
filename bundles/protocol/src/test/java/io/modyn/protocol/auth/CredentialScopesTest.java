package io.modyn.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CredentialScopesTest {

    @Test
    void theServiceComesFromTheAuthorizationHeadersCredential() {
        assertEquals("sts", CredentialScopes.service("AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/sts/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc", null));
        assertEquals("iam", CredentialScopes.service("AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/iam/aws4_request", ""));
    }

    @Test
    void anAccessKeyIdWithASlashStillNamesTheService() {
        assertEquals("sts", CredentialScopes.service("AWS4-HMAC-SHA256 Credential=AK/ID/20240101/us-east-1/sts/aws4_request,", null));
    }

    @Test
    void aPresignedRequestNamesItInItsQuery() {
        assertEquals("sts", CredentialScopes.service(null,
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20240101%2Fus-east-1%2Fsts%2Faws4_request"));
    }

    @Test
    void withoutACompleteScopeThereIsNoService() {
        assertNull(CredentialScopes.service(null, null));
        assertNull(CredentialScopes.service(null, "Action=GetCallerIdentity"));
        assertNull(CredentialScopes.service("AWS4-HMAC-SHA256 Signature=abc", null));
        assertNull(CredentialScopes.service("AWS4-HMAC-SHA256 Credential=AKID/20240101/sts, Signature=abc", null));
        assertNull(CredentialScopes.service("AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1//aws4_request", null));
    }
}
