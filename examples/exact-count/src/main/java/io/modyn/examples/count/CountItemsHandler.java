package io.modyn.examples.count;

import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.util.Map;

/**
 * {@code X-Amz-Target: ModynExactCount_20261207.CountItems} with {@code {"TableName": "...",
 * "IndexName": "..."}}: counts every item by scanning with {@code Select=COUNT}, page after page,
 * and answers {@code {"Count": N, "ScannedCount": N, "Pages": P}}. DescribeTable's
 * {@code ItemCount} is an estimate that DynamoDB refreshes about every six hours; this is exact at
 * the cost of a full scan.
 *
 * <p>The scan runs as the caller: the request's principal and connection facts go to the engine
 * in the {@link RequestContext}, so with auth-iam the caller needs {@code dynamodb:Scan} on the
 * table, as if it had scanned itself. Errors are DynamoDB's own (unknown table, missing
 * permission), answered in DynamoDB's JSON envelope by the server.
 */
@Component(service = ProtocolHandler.class, property = ProtocolHandler.TARGET_PREFIX + "=" + CountItemsHandler.PREFIX)
public final class CountItemsHandler implements ProtocolHandler {

    static final String PREFIX = "ModynExactCount_20261207";
    private static final String OPERATION = PREFIX + ".CountItems";

    private final DynamoDbService dynamo;

    @Activate
    public CountItemsHandler(@Reference DynamoDbService dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public ProtocolResponse handle(ProtocolRequest request) {
        String target = request.header("X-Amz-Target");
        if (!OPERATION.equals(target)) {
            throw new DynamoException(io.modyn.api.model.ErrorType.UNKNOWN_OPERATION, null);
        }
        CountRequest count = CountRequest.parse(request.body());
        RequestContext context = new RequestContext(request.requestId(), request.principal(), request.sourceIp(),
                request.secureTransport(), request.header("User-Agent"));
        long items = 0;
        long scanned = 0;
        int pages = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = dynamo.scan(new ScanRequest(count.tableName(), count.indexName(), null, null, "COUNT", null, null, start,
                    null, null, null, null, null, null, null, null), context);
            items += page.count();
            scanned += page.scannedCount();
            pages++;
            start = page.lastEvaluatedKey();
        } while (start != null && !start.isEmpty());
        return ProtocolResponse.of(200, "application/x-amz-json-1.0", CountRequest.answer(items, scanned, pages));
    }
}
