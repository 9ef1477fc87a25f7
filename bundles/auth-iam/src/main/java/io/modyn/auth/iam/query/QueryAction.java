package io.modyn.auth.iam.query;

import io.modyn.api.extension.ProtocolRequest;
import java.util.Map;

/** One action of a Query-protocol API, such as STS's {@code GetCallerIdentity}. */
@FunctionalInterface
public interface QueryAction {

    /**
     * Writes the members of the action's {@code <ActionResult>} element.
     *
     * @param parameters the request's decoded parameters, {@code Action} and {@code Version} included
     * @param request the authenticated request (its principal, request id, client address)
     * @throws QueryError the API's error for this request
     */
    void answer(Map<String, String> parameters, ProtocolRequest request, QueryXmlWriter result);

    /**
     * Whether the answer has an {@code <ActionResult>} element: AWS leaves it out for actions that
     * return nothing (IAM's DeleteUser, UpdateAccessKey, ...).
     */
    default boolean hasResult() {
        return true;
    }
}
