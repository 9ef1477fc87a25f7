package io.modyn.auth.iam.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    @Test
    void bodyParametersAreDecodedAndTheQueryAddsOnlyWhatTheBodyLacks() {
        Map<String, String> parameters = FormParameters.parse(
                "Action=ListUsers&PathPrefix=%2Fdivision+abc%2F&Action=Ignored&Flag".getBytes(StandardCharsets.UTF_8),
                "Version=2010-05-08&Action=FromQuery&X-Amz-Signature=abc");
        assertEquals(Map.of("Action", "ListUsers", "PathPrefix", "/division abc/", "Flag", "", "Version", "2010-05-08"), parameters);
    }

    @Test
    void aStrayPercentIsKeptAsSent() {
        assertEquals(Map.of("Action", "Get%zz"), FormParameters.parse("Action=Get%zz".getBytes(StandardCharsets.UTF_8), ""));
    }
}
