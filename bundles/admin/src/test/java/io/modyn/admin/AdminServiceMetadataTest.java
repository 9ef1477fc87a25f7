package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Asserts the descriptors bnd generates, which are what operators configure against: a renamed
 * PID or property would silently ignore conf/io.modyn.admin.cfg.
 */
class AdminServiceMetadataTest {

    @Test
    void componentIsConfiguredByTheAdminPid() throws Exception {
        Element component = read("OSGI-INF/io.modyn.admin.AdminService.xml").getDocumentElement();
        assertEquals("io.modyn.admin", component.getAttribute("configuration-pid"));
    }

    @Test
    void authenticatorAndAuthorizerAreOptionalDynamicReferences() throws Exception {
        NodeList references = read("OSGI-INF/io.modyn.admin.AdminService.xml").getElementsByTagName("reference");
        assertEquals(2, references.getLength());
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            assertEquals("0..1", reference.getAttribute("cardinality"), reference.getAttribute("interface"));
            assertEquals("dynamic", reference.getAttribute("policy"), reference.getAttribute("interface"));
        }
        assertEquals("io.modyn.api.auth.Authenticator", ((Element) references.item(0)).getAttribute("interface"));
        assertEquals("io.modyn.api.auth.Authorizer", ((Element) references.item(1)).getAttribute("interface"));
    }

    @Test
    void metatypeDescribesEverySettingWithItsDefault() throws Exception {
        Document metatype = read("OSGI-INF/metatype/io.modyn.admin.xml");
        assertEquals("io.modyn.admin", ((Element) metatype.getElementsByTagName("Designate").item(0)).getAttribute("pid"));
        NodeList attributes = metatype.getElementsByTagName("AD");
        assertEquals(6, attributes.getLength());
        assertEquals("port=8001", idAndDefault((Element) attributes.item(0)));
        assertEquals("bind=127.0.0.1", idAndDefault((Element) attributes.item(1)));
        assertEquals("tokenFile=", idAndDefault((Element) attributes.item(2)));
        assertEquals("installFolders=", idAndDefault((Element) attributes.item(3)));
        assertEquals("2147483647", ((Element) attributes.item(3)).getAttribute("cardinality"), "a list");
        assertEquals("authenticationRequired=false", idAndDefault((Element) attributes.item(4)));
        assertEquals("region=us-east-1", idAndDefault((Element) attributes.item(5)));
    }

    private static String idAndDefault(Element attribute) {
        return attribute.getAttribute("id") + "=" + attribute.getAttribute("default");
    }

    private static Document read(String resource) throws Exception {
        try (InputStream in = AdminServiceMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " was not generated");
            }
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
