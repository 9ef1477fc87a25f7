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
        assertEquals(Map.ofEntries(
                Map.entry("port", "Integer:8000"),
                Map.entry("bind", "String:127.0.0.1"),
                Map.entry("maxRequestBytes", "Long:16777216"),
                Map.entry("ioThreads", "Integer:0"),
                Map.entry("workerThreads", "Integer:0"),
                Map.entry("region", "String:us-east-1"),
                Map.entry("openAccess", "Boolean:false"),
                Map.entry("authenticationRequired", "Boolean:false"),
                Map.entry("maxRequestsPerClient", "Integer:64"),
                Map.entry("requestMemoryBytes", "Long:0"),
                Map.entry("bodyIdleTimeoutSeconds", "Integer:20"),
                Map.entry("bodyReadTimeoutSeconds", "Integer:60"),
                Map.entry("corsOrigins", "String:"),
                Map.entry("hostnames", "String:"), Map.entry("tlsCertificateFile", "String:"), Map.entry("tlsPrivateKeyFile", "String:"),
                Map.entry("tlsClientCaFile", "String:")), properties);
    }

    @Test
    void everyServiceIsDynamicAndGreedySoTheServerSurvivesASwap() throws Exception {
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
                "io.modyn.api.backup.DynamoDbBackupService", "0..1 dynamic greedy",
                "io.modyn.api.export.DynamoDbExportService", "0..1 dynamic greedy",
                "io.modyn.api.auth.Authenticator", "0..1 dynamic greedy",
                "io.modyn.api.extension.ProtocolHandler", "0..n dynamic greedy"), references);
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
        assertEquals(Map.ofEntries(Map.entry("port", "8000"), Map.entry("bind", "127.0.0.1"),
                Map.entry("maxRequestBytes", "16777216"), Map.entry("ioThreads", "0"), Map.entry("workerThreads", "0"),
                Map.entry("region", "us-east-1"), Map.entry("openAccess", "false"), Map.entry("authenticationRequired", "false"),
                Map.entry("maxRequestsPerClient", "64"),
                Map.entry("requestMemoryBytes", "0"), Map.entry("bodyIdleTimeoutSeconds", "20"),
                Map.entry("bodyReadTimeoutSeconds", "60"), Map.entry("corsOrigins", ""), Map.entry("hostnames", ""),
                Map.entry("tlsCertificateFile", ""), Map.entry("tlsPrivateKeyFile", ""), Map.entry("tlsClientCaFile", "")), defaults);
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
