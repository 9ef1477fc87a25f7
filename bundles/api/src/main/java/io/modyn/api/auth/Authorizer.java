package io.modyn.api.auth;

import io.modyn.api.dynamodb.RequestContext;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides whether the caller of a request may do what it asks. When an authorizer service is
 * registered, the engine calls it once per operation, after DynamoDB's request validation and
 * before anything is read from or written to storage; without one nothing is checked (open mode).
 *
 * <p>An operation is judged as a whole: the engine passes every action the operation needs (one per
 * item of a transaction, one per table of a batch, one per resource of the rest) and the operation
 * runs only if every one of them is allowed. A single denied request denies the operation, and the
 * engine lets the exception reach the client unchanged, so the authorizer builds AWS's message
 * (for example "User: arn:aws:iam::000000000000:user/alice is not authorized to perform:
 * dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/T because no
 * identity-based policy allows the dynamodb:PutItem action").
 *
 * <p>Global condition keys come from the context ({@code aws:SourceIp} from
 * {@link RequestContext#sourceIp()}, {@code aws:SecureTransport} from
 * {@link RequestContext#secureTransport()}, {@code aws:UserAgent} from
 * {@link RequestContext#userAgent()}, {@code aws:CurrentTime} and {@code aws:EpochTime} from the
 * authorizer's own clock, {@code aws:PrincipalArn}, {@code aws:userid} ... from the principal); the
 * service-specific keys ({@code dynamodb:*}, {@code aws:RequestTag/*}, {@code aws:TagKeys}) come
 * with each {@link AuthorizationRequest}, see {@link ConditionKeys}; {@code aws:ResourceTag/*} from
 * {@link ResourceTags}, read only when a policy asks. Resource-based policies come from
 * {@link ResourcePolicies}, read on demand too.
 *
 * <p>Called concurrently from many request threads; implementations must be thread-safe and fast
 * (this is on every request's path).
 */
@ConsumerType
public interface Authorizer {

    /**
     * Returns normally when every request is allowed.
     *
     * @param context who asks ({@link RequestContext#principal()}, null when no authenticator is
     *        bound) and from where
     * @param requests every action the operation performs, in request order; never empty
     * @param resourceTags the current tags of the requests' resources, read on demand
     * @param resourcePolicies the resource-based policies of the requests' resources, read on demand
     * @throws io.modyn.api.model.DynamoException of type
     *         {@link io.modyn.api.model.ErrorType#ACCESS_DENIED} when any request is denied
     */
    void authorize(RequestContext context, List<AuthorizationRequest> requests, ResourceTags resourceTags,
                   ResourcePolicies resourcePolicies);
}
