package io.modyn.protocol.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    private static final byte[] JSON = "{\"TableName\":\"t\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void deflateIsTakenInZlibAndRawForm() throws Exception {
        assertArrayEquals(JSON, RequestBody.decode(deflate(JSON, false), "deflate", 1000));
        assertArrayEquals(JSON, RequestBody.decode(deflate(JSON, true), "Deflate", 1000));
    }

    @Test
    void identityLeavesTheBodyAlone() throws Exception {
        assertArrayEquals(JSON, RequestBody.decode(JSON, null, 1000));
        assertArrayEquals(JSON, RequestBody.decode(JSON, " identity ", 1000));
    }

    @Test
    void corruptDataAndUnknownEncodingsAreSerializationErrors() {
        for (String encoding : new String[] {"gzip", "deflate", "br"}) {
            DynamoException error = assertThrows(DynamoException.class, () -> RequestBody.decode(JSON, encoding, 1000));
            assertEquals(ErrorType.SERIALIZATION, error.type(), encoding);
        }
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            deflate.write(data);
        }
        return out.toByteArray();
    }
}
