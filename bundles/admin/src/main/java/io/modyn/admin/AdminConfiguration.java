package io.modyn.admin;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the admin endpoint (PID {@value AdminService#PID}). */
@ObjectClassDefinition(
        id = AdminService.PID,
        name = "Modyn admin endpoint",
        description = "HTTP endpoint to list, start, stop, update, install and uninstall bundles."
                + " It binds to loopback addresses only.")
public @interface AdminConfiguration {

    int DEFAULT_PORT = 8001;
    String DEFAULT_BIND = "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "TCP port of the admin endpoint.", min = "0", max = "65535")
    int port() default DEFAULT_PORT;

    @AttributeDefinition(name = "Bind address",
            description = "Loopback address or host name to listen on; anything else is refused.")
    String bind() default DEFAULT_BIND;
}
