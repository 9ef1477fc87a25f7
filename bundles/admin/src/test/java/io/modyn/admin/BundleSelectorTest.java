package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BundleSelectorTest {

    @Test
    void digitsSelectABundleId() throws AdminException {
        BundleSelector selector = BundleSelector.parse("12");
        assertTrue(selector.matches(12, "io.modyn.engine"));
        assertFalse(selector.matches(1, "12"));
    }

    @Test
    void anythingElseSelectsASymbolicName() throws AdminException {
        BundleSelector selector = BundleSelector.parse("io.modyn.engine");
        assertTrue(selector.matches(3, "io.modyn.engine"));
        assertFalse(selector.matches(3, "io.modyn.engine.extra"));
    }

    @Test
    void blankIsABadRequest() {
        assertEquals(AdminException.BAD_REQUEST,
                assertThrows(AdminException.class, () -> BundleSelector.parse(" ")).status());
    }

    @Test
    void idBeyondLongIsABadRequest() {
        assertEquals(AdminException.BAD_REQUEST,
                assertThrows(AdminException.class, () -> BundleSelector.parse("99999999999999999999")).status());
    }
}
