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
    void metatypeDescribesPortBindTokenFileAndInstallFoldersWithTheirDefaults() throws Exception {
        Document metatype = read("OSGI-INF/metatype/io.modyn.admin.xml");
        assertEquals("io.modyn.admin", ((Element) metatype.getElementsByTagName("Designate").item(0)).getAttribute("pid"));
        NodeList attributes = metatype.getElementsByTagName("AD");
        assertEquals(4, attributes.getLength());
        assertEquals("port=8001", idAndDefault((Element) attributes.item(0)));
        assertEquals("bind=127.0.0.1", idAndDefault((Element) attributes.item(1)));
        assertEquals("tokenFile=", idAndDefault((Element) attributes.item(2)));
        assertEquals("installFolders=", idAndDefault((Element) attributes.item(3)));
        assertEquals("2147483647", ((Element) attributes.item(3)).getAttribute("cardinality"), "a list");
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
