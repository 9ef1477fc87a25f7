package io.modyn.api.auth;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The parts of an HTTP request that a signature covers, as the wire protocol received them. */
@ProviderType
public interface SignedRequest {

    String method();

    /** The raw (still percent-encoded) request path. */
    String path();

    /** The raw query string without the leading {@code ?}, or an empty string. */
    String query();

    /** All values of a header, in arrival order; empty if absent. Names are case-insensitive. */
    List<String> headers(String name);

    /** The names of all headers present, as received. */
    List<String> headerNames();

    /** The request body after transport decoding (gzip/deflate) has NOT been applied. */
    byte[] body();
}
