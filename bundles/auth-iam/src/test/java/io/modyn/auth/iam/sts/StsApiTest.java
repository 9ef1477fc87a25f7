package io.modyn.auth.iam.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.auth.iam.credentials.RootCredentials;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The STS handler's answers as an STS client parses them: XML in STS's namespace, AWS's element names and error codes. */
class StsApiTest {

    static final String REQUEST_ID = "REQUEST0123456789";
    private static final Principal ROOT = RootCredentials.rootPrincipal("123456789012", "AKIDROOT");

    private final ProtocolHandler sts = StsApi.handler();

    @Test
    void getCallerIdentityNamesTheRootAsAwsDoes() throws Exception {
        ProtocolResponse response = sts.handle(request("Action=GetCallerIdentity&Version=2011-06-15", ROOT));

        assertEquals(200, response.status());
        assertEquals("text/xml", response.contentType());
        Element document = parse(response).getDocumentElement();
        assertEquals("GetCallerIdentityResponse", document.getLocalName());
        assertEquals(StsApi.NAMESPACE, document.getNamespaceURI());
        Element result = child(document, "GetCallerIdentityResult");
        assertEquals(List.of("Arn", "UserId", "Account"), childNames(result));
        assertEquals("arn:aws:iam::123456789012:root", text(result, "Arn"));
        assertEquals("123456789012", text(result, "UserId"));
        assertEquals("123456789012", text(result, "Account"));
        assertEquals(REQUEST_ID, text(child(document, "ResponseMetadata"), "RequestId"));
    }

    @Test
    void getCallerIdentityNamesAnIamUserWithItsUniqueId() throws Exception {
        Principal alice = new Principal("123456789012", "arn:aws:iam::123456789012:user/dev/alice", "AKIAALICE0000000000", null);
        ProtocolHandler withUsers = StsApi.handler(arn -> arn.equals(alice.arn()) ? "AIDAALICE00000000000" : null);
        Element result = child(parse(withUsers.handle(request("Action=GetCallerIdentity&Version=2011-06-15", alice))).getDocumentElement(),
                "GetCallerIdentityResult");
        assertEquals("arn:aws:iam::123456789012:user/dev/alice", text(result, "Arn"));
        assertEquals("AIDAALICE00000000000", text(result, "UserId"));
        assertEquals("123456789012", text(result, "Account"));
    }

    @Test
    void getCallerIdentityNamesARoleSessionByItsPrincipalsUserId() throws Exception {
        Principal session = new Principal("123456789012", "arn:aws:sts::123456789012:assumed-role/reader/s1", "ASIAREADER0000000000",
                "AROAREADER0000000000:s1");
        Element result = child(parse(sts.handle(request("Action=GetCallerIdentity&Version=2011-06-15", session))).getDocumentElement(),
                "GetCallerIdentityResult");
        assertEquals("arn:aws:sts::123456789012:assumed-role/reader/s1", text(result, "Arn"));
        assertEquals("AROAREADER0000000000:s1", text(result, "UserId"));
    }

    @Test
    void parametersMayComeInTheQueryStringAndInAnyOrder() throws Exception {
        ProtocolResponse response = sts.handle(new ProtocolRequest("POST", "/", "Version=2011-06-15&Action=GetCallerIdentity",
                Map.of(), new byte[0], ROOT, REQUEST_ID, new InetSocketAddress("127.0.0.1", 1)));
        assertEquals(200, response.status(), new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownActionIsInvalidAction() throws Exception {
        assertError(sts.handle(request("Action=AssumeRoot&Version=2011-06-15", ROOT)), 400, "Sender", "InvalidAction",
                "Could not find operation AssumeRoot for version 2011-06-15");
    }

    @Test
    void aMissingOrOtherVersionFindsNoOperation() throws Exception {
        assertError(sts.handle(request("Action=GetCallerIdentity", ROOT)), 400, "Sender", "InvalidAction",
                "Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED");
        assertError(sts.handle(request("Action=GetCallerIdentity&Version=2010-05-08", ROOT)), 400, "Sender", "InvalidAction",
                "Could not find operation GetCallerIdentity for version 2010-05-08");
    }

    @Test
    void aMissingActionIsMissingAction() throws Exception {
        assertError(sts.handle(request("Version=2011-06-15", ROOT)), 400, "Sender", "MissingAction", "Missing Action");
        assertError(sts.handle(request("Action=&Version=2011-06-15", ROOT)), 400, "Sender", "MissingAction", "Missing Action");
    }

    @Test
    void anActionNameWithMarkupAndControlCharactersIsQuotedBackAsWellFormedXml() throws Exception {
        assertError(sts.handle(request("Action=%3Cx%3E%26%01%22&Version=2011-06-15", ROOT)), 400, "Sender", "InvalidAction",
                "Could not find operation <x>&\uFFFD\" for version 2011-06-15");
    }

    @Test
    void refusedSignaturesAreAnsweredWithStsCodesAndStatuses() throws Exception {
        String mismatch = "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
        assertError(sts.errorResponse(new DynamoException(ErrorType.INVALID_SIGNATURE, mismatch), REQUEST_ID),
                403, "Sender", "SignatureDoesNotMatch", mismatch);
        assertError(sts.errorResponse(new DynamoException(ErrorType.UNRECOGNIZED_CLIENT,
                "The security token included in the request is invalid."), REQUEST_ID),
                403, "Sender", "InvalidClientTokenId", "The security token included in the request is invalid.");
        assertError(sts.errorResponse(new DynamoException(ErrorType.MISSING_AUTHENTICATION_TOKEN,
                "Request is missing Authentication Token"), REQUEST_ID),
                403, "Sender", "MissingAuthenticationToken", "Request is missing Authentication Token");
        assertError(sts.errorResponse(new DynamoException(ErrorType.INCOMPLETE_SIGNATURE, "Authorization header requires 'Signature' parameter."),
                REQUEST_ID), 400, "Sender", "IncompleteSignature", "Authorization header requires 'Signature' parameter.");
        assertError(sts.errorResponse(DynamoException.internal("disk on fire at /var/x", null), REQUEST_ID),
                500, "Receiver", "InternalFailure", "Internal server error");
    }

    @Test
    void withoutACallerTheAnswerIsMissingAuthenticationToken() throws Exception {
        assertError(sts.handle(request("Action=GetCallerIdentity&Version=2011-06-15", null)), 403, "Sender",
                "MissingAuthenticationToken", "Request is missing Authentication Token");
    }

    @Test
    void theHandlerIsRegisteredForTheStsSigningService() {
        assertEquals("sts", StsApi.serviceProperties().get(ProtocolHandler.SIGNING_SERVICE));
        assertNull(StsApi.serviceProperties().get(ProtocolHandler.TARGET_PREFIX));
    }

    static void assertError(ProtocolResponse response, int status, String type, String code, String message) throws Exception {
        assertEquals(status, response.status());
        assertEquals("text/xml", response.contentType());
        Element document = parse(response).getDocumentElement();
        assertEquals("ErrorResponse", document.getLocalName());
        assertEquals(StsApi.NAMESPACE, document.getNamespaceURI());
        assertEquals(List.of("Error", "RequestId"), childNames(document));
        Element error = child(document, "Error");
        assertEquals(List.of("Type", "Code", "Message"), childNames(error));
        assertEquals(type, text(error, "Type"));
        assertEquals(code, text(error, "Code"));
        assertEquals(message, text(error, "Message"));
        assertEquals(REQUEST_ID, text(document, "RequestId"));
    }

    static ProtocolRequest request(String body, Principal principal) {
        return new ProtocolRequest("POST", "/", "", Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                body.getBytes(StandardCharsets.UTF_8), principal, REQUEST_ID, new InetSocketAddress("127.0.0.1", 1));
    }

    static Document parse(ProtocolResponse response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
    }

    static Element child(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }

    static List<String> childNames(Element parent) {
        List<String> names = new java.util.ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }
}
