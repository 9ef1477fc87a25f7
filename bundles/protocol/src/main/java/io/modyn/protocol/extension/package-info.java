/** Other AWS APIs on the same endpoint: the {@link io.modyn.api.extension.ProtocolHandler}s bound and how requests find them. */
package io.modyn.protocol.extension;
