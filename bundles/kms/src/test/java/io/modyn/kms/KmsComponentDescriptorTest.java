package io.modyn.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Pins the component descriptor bnd generates: conf/io.modyn.kms.cfg names these properties, and
 * the authorizer must stay a dynamic reference (auth-iam's comes and goes without restarting key
 * management), while storage and a root key source restart it.
 */
class KmsComponentDescriptorTest {

    @Test
    void propertiesAndReferencesAreTheDocumentedOnes() throws Exception {
        Element component;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("OSGI-INF/io.modyn.kms.KmsComponent.xml")) {
            assertNotNull(in, "bnd generated the descriptor");
            component = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
        assertEquals("io.modyn.kms", component.getAttribute("configuration-pid"));
        assertEquals("require", component.getAttribute("configuration-policy"));

        Map<String, String> properties = new LinkedHashMap<>();
        NodeList nodes = component.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            properties.put(property.getAttribute("name"), property.getAttribute("type") + ":" + property.getAttribute("value"));
        }
        assertEquals(Map.of("region", "String:us-east-1", "accountId", "String:000000000000", "dataDirectory", "String:",
                "rootKeyFile", "String:", "sweepIntervalSeconds", "Long:60"), properties);

        Map<String, String> references = new LinkedHashMap<>();
        NodeList referenceNodes = component.getElementsByTagName("reference");
        for (int i = 0; i < referenceNodes.getLength(); i++) {
            Element reference = (Element) referenceNodes.item(i);
            references.put(reference.getAttribute("interface"), reference.getAttribute("cardinality") + " "
                    + reference.getAttribute("policy") + " " + reference.getAttribute("policy-option"));
        }
        assertEquals(Map.of("io.modyn.api.auth.Authorizer", "0..1 dynamic greedy",
                "io.modyn.api.crypto.RootKeySource", "0..1  greedy",
                "io.modyn.api.storage.StorageEngine", "  "), references);
    }
}
