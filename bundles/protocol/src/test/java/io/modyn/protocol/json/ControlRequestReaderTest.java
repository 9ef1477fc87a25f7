package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.assertSerialization;
import static io.modyn.protocol.json.CodecFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.dynamodb.DeleteResourcePolicyRequest;
import io.modyn.api.dynamodb.DescribeTimeToLiveRequest;
import io.modyn.api.dynamodb.GetResourcePolicyRequest;
import io.modyn.api.dynamodb.PutResourcePolicyRequest;
import io.modyn.api.dynamodb.ListTagsOfResourceRequest;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.dynamodb.TagResourceRequest;
import io.modyn.api.dynamodb.TimeToLiveSpecification;
import io.modyn.api.dynamodb.UntagResourceRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlRequestReaderTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/t";

    @Test
    void timeToLiveRequestsReadTheTableAndSpecification() {
        assertEquals(new UpdateTimeToLiveRequest("t", new TimeToLiveSpecification(true, "expires")),
                read(ControlRequestReader::updateTimeToLive,
                        "{\"TableName\":\"t\",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"expires\"}}"));
        assertEquals(new UpdateTimeToLiveRequest("t", new TimeToLiveSpecification(false, null)),
                read(ControlRequestReader::updateTimeToLive, "{\"TableName\":\"t\",\"TimeToLiveSpecification\":{\"Enabled\":\"false\"}}"));
        assertEquals(new DescribeTimeToLiveRequest("t"), read(ControlRequestReader::describeTimeToLive, "{\"TableName\":\"t\",\"x\":[]}"));
    }

    @Test
    void tagRequestsReadTheResourceAndTags() {
        assertEquals(new TagResourceRequest(ARN, List.of(new Tag("a", "1"), new Tag("b", ""))),
                read(ControlRequestReader::tagResource,
                        "{\"ResourceArn\":\"" + ARN + "\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"1\"},{\"Key\":\"b\",\"Value\":\"\"}]}"));
        assertEquals(new UntagResourceRequest(ARN, List.of("a", "b")),
                read(ControlRequestReader::untagResource, "{\"ResourceArn\":\"" + ARN + "\",\"TagKeys\":[\"a\",\"b\"]}"));
        assertEquals(new ListTagsOfResourceRequest(ARN, "next"),
                read(ControlRequestReader::listTagsOfResource, "{\"ResourceArn\":\"" + ARN + "\",\"NextToken\":\"next\"}"));
    }

    @Test
    void resourcePolicyRequestsReadTheResourceDocumentAndRevision() {
        String document = "{\\\"Version\\\":\\\"2012-10-17\\\"}";
        assertEquals(new PutResourcePolicyRequest(ARN, "{\"Version\":\"2012-10-17\"}", "NO_POLICY", true),
                read(ControlRequestReader::putResourcePolicy, "{\"ResourceArn\":\"" + ARN + "\",\"Policy\":\"" + document
                        + "\",\"ExpectedRevisionId\":\"NO_POLICY\",\"ConfirmRemoveSelfResourceAccess\":true,\"x\":1}"));
        assertEquals(new GetResourcePolicyRequest(ARN), read(ControlRequestReader::getResourcePolicy, "{\"ResourceArn\":\"" + ARN + "\"}"));
        assertEquals(new DeleteResourcePolicyRequest(ARN, "17"),
                read(ControlRequestReader::deleteResourcePolicy, "{\"ResourceArn\":\"" + ARN + "\",\"ExpectedRevisionId\":\"17\"}"));
        assertSerialization(ControlRequestReader::putResourcePolicy, "{\"Policy\":{}}", "Start of structure or map found where not expected");
    }

    @Test
    void operationsWithoutParametersIgnoreAnyMembersButNeedAnObject() {
        assertNull(read(ControlRequestReader::withoutMembers, "{}"));
        assertNull(read(ControlRequestReader::withoutMembers, "{\"Anything\":{\"deep\":[1,{}]}}"));
        assertSerialization(ControlRequestReader::withoutMembers, "[]", null);
        assertSerialization(ControlRequestReader::withoutMembers, "{} x", null);
    }

    @Test
    void wronglyTypedMembersAreRefusedLikeDynamoDb() {
        assertSerialization(ControlRequestReader::updateTimeToLive, "{\"TimeToLiveSpecification\":[]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.TimeToLiveSpecification");
        assertSerialization(ControlRequestReader::updateTimeToLive, "{\"TimeToLiveSpecification\":{\"AttributeName\":1}}",
                "NUMBER_VALUE cannot be converted to String");
        assertSerialization(ControlRequestReader::tagResource, "{\"Tags\":[[]]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Tag");
        assertSerialization(ControlRequestReader::untagResource, "{\"TagKeys\":\"a\"}", "Unexpected field type");
        assertSerialization(ControlRequestReader::listTagsOfResource, "{\"ResourceArn\":true}", "TRUE_VALUE cannot be converted to String");
    }
}
