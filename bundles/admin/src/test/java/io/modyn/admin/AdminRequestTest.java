package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.admin.AdminRequest.Action;
import org.junit.jupiter.api.Test;

class AdminRequestTest {

    @Test
    void getOnTheCollectionLists() throws AdminException {
        assertEquals(Action.LIST, parse("GET", "/bundles", null).action());
        assertEquals(Action.LIST, parse("GET", "/bundles/", null).action());
    }

    @Test
    void getOnABundleShowsIt() throws AdminException {
        AdminRequest request = parse("GET", "/bundles/io.modyn.engine", null);
        assertEquals(Action.SHOW, request.action());
        assertEquals("io.modyn.engine", request.target().symbolicName());
    }

    @Test
    void postsOnABundleNameTheAction() throws AdminException {
        assertEquals(Action.START, parse("POST", "/bundles/7/start", null).action());
        assertEquals(Action.STOP, parse("POST", "/bundles/7/stop", null).action());
        assertEquals(Action.UNINSTALL, parse("POST", "/bundles/7/uninstall", null).action());
        assertEquals(7L, parse("POST", "/bundles/7/stop", null).target().id());
    }

    @Test
    void updateWithoutLocationUsesTheBundlesOwn() throws AdminException {
        AdminRequest request = parse("POST", "/bundles/io.modyn.protocol/update", null);
        assertEquals(Action.UPDATE, request.action());
        assertNull(request.location());
    }

    @Test
    void updateLocationIsDecodedAndKeptAsGiven() throws AdminException {
        AdminRequest request = parse("POST", "/bundles/4/update", "location=%2Ftmp%2Fnew%20engine.jar");
        assertEquals("/tmp/new engine.jar", request.location());
    }

    @Test
    void installTakesALocationAndOptionallyStarts() throws AdminException {
        AdminRequest request = parse("POST", "/bundles/install", "location=file:/tmp/x.jar&start=true");
        assertEquals(Action.INSTALL, request.action());
        assertEquals("file:/tmp/x.jar", request.location());
        assertTrue(request.start());
        assertFalse(parse("POST", "/bundles/install", "location=file:/tmp/x.jar").start());
    }

    @Test
    void installWithoutLocationIsABadRequest() {
        assertStatus(AdminException.BAD_REQUEST, "POST", "/bundles/install", null);
    }

    @Test
    void unknownActionsAndPathsAreNotFound() {
        assertStatus(AdminException.NOT_FOUND, "POST", "/bundles/7/restart", null);
        assertStatus(AdminException.NOT_FOUND, "POST", "/bundles/7/start/now", null);
        assertStatus(AdminException.NOT_FOUND, "GET", "/bundlesx", null);
    }

    @Test
    void wrongMethodIsNotAllowed() {
        assertStatus(AdminException.METHOD_NOT_ALLOWED, "GET", "/bundles/7/stop", null);
        assertStatus(AdminException.METHOD_NOT_ALLOWED, "POST", "/bundles", null);
        assertStatus(AdminException.METHOD_NOT_ALLOWED, "DELETE", "/bundles/7", null);
    }

    @Test
    void jsonIsChosenByQueryOrAcceptHeader() throws AdminException {
        assertTrue(AdminRequest.parse("GET", "/bundles", "format=json", null).json());
        assertTrue(AdminRequest.parse("GET", "/bundles", null, "application/json").json());
        assertFalse(AdminRequest.parse("GET", "/bundles", "format=text", "application/json").json());
        assertFalse(AdminRequest.parse("GET", "/bundles", null, "*/*").json());
    }

    private static AdminRequest parse(String method, String path, String query) throws AdminException {
        return AdminRequest.parse(method, path, query, null);
    }

    private static void assertStatus(int status, String method, String path, String query) {
        assertEquals(status, assertThrows(AdminException.class, () -> parse(method, path, query)).status());
    }
}
