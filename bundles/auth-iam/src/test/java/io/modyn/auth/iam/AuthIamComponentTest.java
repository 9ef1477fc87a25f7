package io.modyn.auth.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.auth.iam.authorization.CallerPolicies;
import io.modyn.api.auth.Principal;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.auth.iam.testing.SdkSigner;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AuthIamComponentTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dataDirectory;

    @Test
    void authenticatorNamesTheRootOfTheConfiguredAccount() {
        Authenticator authenticator = AuthIamComponent.create(configuration("iam", "eu-central-1", "123456789012"),
                Map.of("MODYN_ROOT_ACCESS_KEY_ID", "test-key", "MODYN_ROOT_SECRET_ACCESS_KEY", "test-secret"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Principal principal = authenticator.authenticate(
                new SdkSigner("test-key", "test-secret", "eu-central-1", NOW).sign("ListTables", "{}".getBytes(), Map.of()));
        assertEquals(new Principal("123456789012", "arn:aws:iam::123456789012:root", "test-key", "123456789012"), principal);
        DynamoException wrongRegion = assertThrows(DynamoException.class, () -> authenticator.authenticate(
                new SdkSigner("test-key", "test-secret", "us-east-1", NOW).sign("ListTables", "{}".getBytes(), Map.of())));
        assertEquals(ErrorType.INVALID_SIGNATURE, wrongRegion.type());
    }

    @Test
    void authorizerAllowsTheRootAndDeniesAUserWithoutPoliciesInTheConfiguredRegion() {
        Authorizer authorizer = AuthIamComponent.authorizer(configuration("iam", "eu-central-1", "123456789012"), CallerPolicies.NONE);
        Principal root = new Principal("123456789012", "arn:aws:iam::123456789012:root", "AKIAROOT", "123456789012");
        Principal alice = new Principal("123456789012", "arn:aws:iam::123456789012:user/alice", "AKIAALICE", "AIDAALICE");
        List<AuthorizationRequest> listTables = List.of(new AuthorizationRequest("dynamodb:ListTables", "*"));
        authorizer.authorize(new RequestContext("r1", root), listTables, arn -> Map.of(), ResourcePolicies.NONE);
        DynamoException denied = assertThrows(DynamoException.class,
                () -> authorizer.authorize(new RequestContext("r2", alice), listTables, arn -> Map.of(), ResourcePolicies.NONE));
        assertEquals(ErrorType.ACCESS_DENIED, denied.type());
        assertEquals("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: dynamodb:ListTables on resource: "
                + "arn:aws:dynamodb:eu-central-1:123456789012:table/* because no identity-based policy allows the dynamodb:ListTables action",
                denied.getMessage());
    }

    @Test
    void accountIdMustBeTwelveDigits() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AuthIamComponent.create(
                configuration("iam", "us-east-1", "12345"), Map.of(), Clock.systemUTC()));
        assertEquals("accountId must be twelve digits, not '12345'", error.getMessage());
    }

    @Test
    void componentIsConfiguredByItsPid() throws Exception {
        Element component = read("OSGI-INF/io.modyn.auth.iam.AuthIamComponent.xml").getDocumentElement();
        assertEquals("io.modyn.auth.iam", component.getAttribute("configuration-pid"));
        assertEquals("true", component.getAttribute("immediate"));
    }

    @Test
    void metatypeDescribesTheSettingsWithTheirDefaults() throws Exception {
        NodeList attributes = read("OSGI-INF/metatype/io.modyn.auth.iam.xml").getElementsByTagName("AD");
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
        }
        assertEquals(Map.of("mode", "none", "region", "us-east-1", "accountId", "000000000000", "dataDirectory", "",
                "rootAccessKeyIdVariable", "MODYN_ROOT_ACCESS_KEY_ID", "rootSecretAccessKeyVariable", "MODYN_ROOT_SECRET_ACCESS_KEY",
                "secretKeyFileVariable", "MODYN_IAM_SECRET_KEY_FILE", "identityCacheMillis", "500"),
                defaults);
    }

    private AuthIamConfiguration configuration(String mode, String region, String accountId) {
        String directory = dataDirectory.toString();
        return new AuthIamConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AuthIamConfiguration.class;
            }

            @Override
            public String mode() {
                return mode;
            }

            @Override
            public String region() {
                return region;
            }

            @Override
            public String accountId() {
                return accountId;
            }

            @Override
            public String dataDirectory() {
                return directory;
            }

            @Override
            public String rootAccessKeyIdVariable() {
                return DEFAULT_ACCESS_KEY_ID_VARIABLE;
            }

            @Override
            public String rootSecretAccessKeyVariable() {
                return DEFAULT_SECRET_VARIABLE;
            }

            @Override
            public String secretKeyFileVariable() {
                return DEFAULT_SECRET_KEY_FILE_VARIABLE;
            }

            @Override
            public long identityCacheMillis() {
                return DEFAULT_IDENTITY_CACHE_MILLIS;
            }
        };
    }

    private static Document read(String resource) throws Exception {
        try (InputStream in = AuthIamComponentTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " was not generated");
            }
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
