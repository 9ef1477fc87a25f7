package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackAddressTest {

    @Test
    void acceptsLoopbackAddressesAndLocalhost() {
        assertTrue(LoopbackAddress.require("127.0.0.1").isLoopbackAddress());
        assertTrue(LoopbackAddress.require("127.0.0.2").isLoopbackAddress());
        assertTrue(LoopbackAddress.require("::1").isLoopbackAddress());
        assertTrue(LoopbackAddress.require("localhost").isLoopbackAddress());
    }

    @Test
    void refusesTheWildcardAddress() {
        assertThrows(IllegalArgumentException.class, () -> LoopbackAddress.require("0.0.0.0"));
    }

    @Test
    void refusesOtherAddresses() {
        assertThrows(IllegalArgumentException.class, () -> LoopbackAddress.require("192.0.2.10"));
    }
}
