package io.modyn.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a test class sees of its server, checked by running fixture classes through the JUnit
 * launcher (as a build runs them) and reading what they recorded: a fresh server per class, one
 * shared and emptied between classes, classes in parallel, and servers stopped afterwards.
 * The fixtures are nested classes, which the build's own test run leaves out.
 */
@Timeout(300)
class ModynExtensionScopesTest {

    /** The endpoint each fixture class saw, by class name. */
    static final Map<String, URI> ENDPOINTS = new ConcurrentHashMap<>();

    @Test
    void eachClassGetsAnEmptyServerOfItsOwn() {
        TestExecutionSummary summary = run(Map.of(), PerClassFirst.class, PerClassSecond.class);
        assertEquals(4, summary.getTestsSucceededCount(), () -> failures(summary));
        assertNotEquals(ENDPOINTS.get(PerClassFirst.class.getName()), ENDPOINTS.get(PerClassSecond.class.getName()));
        assertStopped(ENDPOINTS.get(PerClassFirst.class.getName()));
        assertStopped(ENDPOINTS.get(PerClassSecond.class.getName()));
    }

    @Test
    void classesRunInParallelOnServersOfTheirOwn() {
        TestExecutionSummary summary = run(Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent"), PerClassFirst.class, PerClassSecond.class);
        assertEquals(4, summary.getTestsSucceededCount(), () -> failures(summary));
        assertNotEquals(ENDPOINTS.get(PerClassFirst.class.getName()), ENDPOINTS.get(PerClassSecond.class.getName()));
    }

    @Test
    void aSuiteServerIsSharedEmptiedForEachClassAndStoppedAfterTheRun() {
        TestExecutionSummary summary = run(Map.of(), SuiteFirst.class, SuiteSecond.class);
        assertEquals(4, summary.getTestsSucceededCount(), () -> failures(summary));
        URI shared = ENDPOINTS.get(SuiteFirst.class.getName());
        assertEquals(shared, ENDPOINTS.get(SuiteSecond.class.getName()));
        assertStopped(shared);
    }

    private static TestExecutionSummary run(Map<String, String> configuration, Class<?>... classes) {
        ENDPOINTS.clear();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().configurationParameters(configuration);
        for (Class<?> type : classes) request.selectors(selectClass(type));
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(built, listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.getFailures().forEach(failure -> text.append(failure.getTestIdentifier().getDisplayName()).append(": ")
                .append(failure.getException()).append('\n'));
        return text.toString();
    }

    private static void assertStopped(URI endpoint) {
        assertThrows(ConnectException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close(), endpoint + " still answers");
    }

    /**
     * A fixture class: starts from an empty server, creates the table "orders" (which fails if
     * another class's table of that name is still there), and writes to it.
     */
    abstract static class Fixture {

        @BeforeAll
        static void serverIsEmpty(DynamoDbClient dynamo) {
            assertEquals(List.of(), dynamo.listTables().tableNames());
            ModynServerTest.createTable(dynamo, "orders");
        }

        @Test
        void recordsItsEndpoint(URI endpoint, ModynServer server) {
            assertEquals(server.endpoint(), endpoint);
            ENDPOINTS.put(getClass().getName(), endpoint);
        }

        @Test
        void writesThroughTheInjectedClient(DynamoDbClient dynamo) {
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("1"))));
            assertEquals(1, dynamo.scan(b -> b.tableName("orders")).count());
        }
    }

    @ModynTest
    static class PerClassFirst extends Fixture {
    }

    @ModynTest
    static class PerClassSecond extends Fixture {
    }

    @ModynTest(scope = ModynTest.Scope.SUITE)
    static class SuiteFirst extends Fixture {
    }

    @ModynTest(scope = ModynTest.Scope.SUITE)
    static class SuiteSecond extends Fixture {
    }
}
