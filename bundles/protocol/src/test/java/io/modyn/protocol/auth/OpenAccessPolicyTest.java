package io.modyn.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class OpenAccessPolicyTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress IPV6_LOOPBACK = new InetSocketAddress("::1", 50000);
    private static final InetSocketAddress OTHER_HOST = new InetSocketAddress("192.0.2.7", 50000);

    @Test
    void anOpenServerServesItsOwnHostByDefault() {
        OpenAccessPolicy policy = new OpenAccessPolicy(false);
        assertDoesNotThrow(() -> policy.check(LOOPBACK));
        assertDoesNotThrow(() -> policy.check(IPV6_LOOPBACK));
    }

    @Test
    void anOpenServerRefusesOtherHostsByDefault() {
        DynamoException e = assertThrows(DynamoException.class, () -> new OpenAccessPolicy(false).check(OTHER_HOST));
        assertEquals(ErrorType.ACCESS_DENIED, e.type());
    }

    @Test
    void openAccessServesOtherHosts() {
        assertDoesNotThrow(() -> new OpenAccessPolicy(true).check(OTHER_HOST));
    }
}
