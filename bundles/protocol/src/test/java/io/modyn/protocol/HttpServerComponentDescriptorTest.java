package io.modyn.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Pins the component and metatype descriptors bnd generates, so that renaming a configuration
 * attribute or loosening a reference policy is a deliberate, visible change: conf/ files and
 * operators depend on these names.
 */
class HttpServerComponentDescriptorTest {

    @Test
    void theComponentIsConfiguredByPidWithDocumentedDefaults() throws Exception {
        Element component = parse("OSGI-INF/io.modyn.protocol.HttpServerComponent.xml").getDocumentElement();

        assertEquals("io.modyn.protocol", component.getAttribute("configuration-pid"));
        assertEquals("true", component.getAttribute("immediate"));
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList nodes = component.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            properties.put(property.getAttribute("name"), property.getAttribute("type") + ":" + property.getAttribute("value"));
        }
        assertEquals(Map.of(
                "port", "Integer:8000",
                "bind", "String:127.0.0.1",
                "maxRequestBytes", "Long:16777216",
                "ioThreads", "Integer:0",
                "workerThreads", "Integer:0",
                "region", "String:us-east-1",
                "openAccess", "Boolean:false"), properties);
    }

    @Test
    void everyServiceIsOptionalDynamicAndGreedySoTheServerSurvivesASwap() throws Exception {
        Element component = parse("OSGI-INF/io.modyn.protocol.HttpServerComponent.xml").getDocumentElement();
        Map<String, String> references = new LinkedHashMap<>();
        NodeList nodes = component.getElementsByTagName("reference");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element reference = (Element) nodes.item(i);
            references.put(reference.getAttribute("interface"), reference.getAttribute("cardinality") + " "
                    + reference.getAttribute("policy") + " " + reference.getAttribute("policy-option"));
        }
        assertEquals(Map.of(
                "io.modyn.api.dynamodb.DynamoDbService", "0..1 dynamic greedy",
                "io.modyn.api.streams.DynamoDbStreamsService", "0..1 dynamic greedy",
                "io.modyn.api.auth.Authenticator", "0..1 dynamic greedy"), references);
    }

    @Test
    void theMetatypeDescribesEverySetting() throws Exception {
        Document metatype = parse("OSGI-INF/metatype/io.modyn.protocol.xml");
        Element designate = (Element) metatype.getElementsByTagName("Designate").item(0);
        assertEquals("io.modyn.protocol", designate.getAttribute("pid"));
        Element ocd = (Element) metatype.getElementsByTagName("OCD").item(0);
        assertEquals("io.modyn.protocol", ocd.getAttribute("id"));

        Map<String, String> defaults = new LinkedHashMap<>();
        NodeList attributes = ocd.getElementsByTagName("AD");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
        }
        assertEquals(Map.of("port", "8000", "bind", "127.0.0.1", "maxRequestBytes", "16777216",
                "ioThreads", "0", "workerThreads", "0", "region", "us-east-1", "openAccess", "false"), defaults);
    }

    private static Document parse(String resource) throws Exception {
        try (InputStream in = HttpServerComponentDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " was not generated");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
