package io.modyn.engine.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.ResourceTags;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An authorizer that records what the engine asks and denies the requests a test chooses, with an
 * AccessDeniedException worded as AWS words it (the real wording is the auth bundle's business).
 */
final class RecordingAuthorizer implements Authorizer {

    record Call(RequestContext context, List<AuthorizationRequest> requests, ResourceTags resourceTags,
                ResourcePolicies resourcePolicies) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Predicate<AuthorizationRequest> denied = request -> false;
    /** When set, the tags of every request's resource, read through ResourceTags during the call. */
    volatile boolean readResourceTags;
    final Map<String, Map<String, String>> resourceTagsSeen = new ConcurrentHashMap<>();
    /** The last exception thrown, to check that it reaches the caller unchanged. */
    volatile DynamoException lastDenial;

    void deny(Predicate<AuthorizationRequest> which) {
        denied = which;
    }

    void denyAction(String action) {
        deny(request -> request.action().equals(action));
    }

    @Override
    public void authorize(RequestContext context, List<AuthorizationRequest> requests, ResourceTags resourceTags,
                          ResourcePolicies resourcePolicies) {
        calls.add(new Call(context, List.copyOf(requests), resourceTags, resourcePolicies));
        if (readResourceTags) requests.forEach(r -> resourceTagsSeen.put(r.resource(), resourceTags.of(r.resource())));
        for (AuthorizationRequest request : requests) {
            if (denied.test(request)) {
                lastDenial = new DynamoException(ErrorType.ACCESS_DENIED, "User: " + context.principal().arn()
                        + " is not authorized to perform: " + request.action() + " on resource: " + request.resource());
                throw lastDenial;
            }
        }
    }

    /** The requests of the one call made since the last {@link #clear()}. */
    List<AuthorizationRequest> onlyCall() {
        assertEquals(1, calls.size(), () -> "expected one authorization call, got " + calls);
        return calls.get(0).requests();
    }

    List<String> actions() {
        List<String> actions = new ArrayList<>();
        for (Call call : calls) call.requests().forEach(r -> actions.add(r.action()));
        return actions;
    }

    void clear() {
        calls.clear();
    }
}
