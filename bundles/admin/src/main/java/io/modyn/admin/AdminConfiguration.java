package io.modyn.admin;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the admin endpoint (PID {@value AdminService#PID}). */
@ObjectClassDefinition(
        id = AdminService.PID,
        name = "Modyn admin endpoint",
        description = "HTTP endpoint to list, start, stop, update, install and uninstall bundles."
                + " It binds to loopback addresses only, refuses requests a web browser could send,"
                + " and requires the token kept in the token file; with authentication (--auth iam) also"
                + " a Signature Version 4 of the account root or of a principal allowed the modyn:* action.")
public @interface AdminConfiguration {

    int DEFAULT_PORT = 8001;
    String DEFAULT_BIND = "127.0.0.1";
    /** Empty: {@code <modyn.data.dir>/admin-token}. */
    String DEFAULT_TOKEN_FILE = "";
    String TOKEN_FILE_NAME = "admin-token";
    String DEFAULT_REGION = "us-east-1";

    @AttributeDefinition(name = "Port", description = "TCP port of the admin endpoint.", min = "0", max = "65535")
    int port() default DEFAULT_PORT;

    @AttributeDefinition(name = "Bind address",
            description = "Loopback address or host name to listen on; anything else is refused.")
    String bind() default DEFAULT_BIND;

    @AttributeDefinition(name = "Token file",
            description = "File holding the token every request must carry (Authorization: Bearer <token>),"
                    + " readable by its owner only; created with a random token if missing. Empty:"
                    + " admin-token in the data directory (framework property modyn.data.dir).")
    String tokenFile() default DEFAULT_TOKEN_FILE;

    @AttributeDefinition(name = "Install folders",
            description = "Folders whose files install and update may read bundles from (comma-separated);"
                    + " no URL is ever fetched. Empty: installing and updating from a file are refused.")
    String[] installFolders() default {};

    @AttributeDefinition(name = "Authentication required",
            description = "true when an authentication bundle checks every request (bin/modyn --auth iam): until its"
                    + " authenticator is bound, admin requests are answered 503 and never served on the token alone."
                    + " Whenever an authenticator is bound, every request must be signed, whatever this says.")
    boolean authenticationRequired() default false;

    @AttributeDefinition(name = "Region",
            description = "The region in the ARNs of bundles an authorizer is asked about:"
                    + " arn:aws:modyn:<region>:<account>:bundle/<symbolic name>")
    String region() default DEFAULT_REGION;
}
