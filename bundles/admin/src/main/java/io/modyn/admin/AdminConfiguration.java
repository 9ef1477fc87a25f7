package io.modyn.admin;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the admin endpoint (PID {@value AdminService#PID}). */
@ObjectClassDefinition(
        id = AdminService.PID,
        name = "Modyn admin endpoint",
        description = "HTTP endpoint to list, start, stop, update, install and uninstall bundles."
                + " It binds to loopback addresses only, refuses requests a web browser could send,"
                + " and requires the token kept in the token file.")
public @interface AdminConfiguration {

    int DEFAULT_PORT = 8001;
    String DEFAULT_BIND = "127.0.0.1";
    /** Empty: {@code <modyn.data.dir>/admin-token}. */
    String DEFAULT_TOKEN_FILE = "";
    String TOKEN_FILE_NAME = "admin-token";

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
}
