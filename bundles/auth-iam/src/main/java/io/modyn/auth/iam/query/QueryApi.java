package io.modyn.auth.iam.query;

import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.model.DynamoException;
import java.util.Map;

/**
 * One AWS Query-protocol API (STS, IAM) as a {@link ProtocolHandler}: reads {@code Action} and
 * {@code Version} from the form parameters, runs the action, and wraps its result the way AWS
 * does:
 * <pre>
 * &lt;ActionResponse xmlns="namespace"&gt;
 *   &lt;ActionResult&gt;...&lt;/ActionResult&gt;
 *   &lt;ResponseMetadata&gt;&lt;RequestId&gt;...&lt;/RequestId&gt;&lt;/ResponseMetadata&gt;
 * &lt;/ActionResponse&gt;
 * </pre>
 * Errors, including the wire protocol's refusals (a bad signature), are answered as
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}, all
 * as {@code text/xml}. An action is found only with the API's version, as AWS looks operations up.
 */
public final class QueryApi implements ProtocolHandler {

    static final String CONTENT_TYPE = "text/xml";

    private final String namespace;
    private final String version;
    private final Map<String, QueryAction> actions;

    public QueryApi(String namespace, String version, Map<String, QueryAction> actions) {
        this.namespace = namespace;
        this.version = version;
        this.actions = Map.copyOf(actions);
    }

    @Override
    public ProtocolResponse handle(ProtocolRequest request) {
        try {
            Map<String, String> parameters = FormParameters.parse(request.body(), request.query());
            String action = parameters.get("Action");
            if (action == null || action.isEmpty()) {
                throw QueryError.missingAction();
            }
            String requestedVersion = parameters.get("Version");
            QueryAction run = version.equals(requestedVersion) ? actions.get(action) : null;
            if (run == null) {
                throw QueryError.invalidAction(action, requestedVersion);
            }
            QueryXmlWriter xml = new QueryXmlWriter().startDocument(action + "Response", namespace);
            if (run.hasResult()) xml.start(action + "Result");
            run.answer(parameters, request, xml);
            if (run.hasResult()) xml.end();
            xml.start("ResponseMetadata").element("RequestId", request.requestId()).end();
            return new ProtocolResponse(200, CONTENT_TYPE, xml.toBytes());
        } catch (QueryError error) {
            return error(error, request.requestId());
        }
    }

    @Override
    public ProtocolResponse errorResponse(DynamoException error, String requestId) {
        return error(QueryError.of(error), requestId);
    }

    private ProtocolResponse error(QueryError error, String requestId) {
        byte[] body = new QueryXmlWriter().startDocument("ErrorResponse", namespace)
                .start("Error").element("Type", error.type()).element("Code", error.code()).element("Message", error.getMessage()).end()
                .element("RequestId", requestId)
                .toBytes();
        return new ProtocolResponse(error.httpStatus(), CONTENT_TYPE, body);
    }
}
