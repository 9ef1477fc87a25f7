package io.modyn.engine.authorization;

import static io.modyn.api.auth.ConditionKeys.REQUEST_TAG_PREFIX;
import static io.modyn.api.auth.ConditionKeys.TAG_KEYS;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * What the table and account operations ask IAM: their action on the table they name, or on
 * {@code *} for the account-wide ones.
 *
 * <pre>
 * operation            action                         resource            condition keys
 * CreateTable          dynamodb:CreateTable           table               aws:RequestTag/k, aws:TagKeys (with Tags)
 *   ... with Tags      + dynamodb:TagResource         table               aws:RequestTag/k, aws:TagKeys
 *   ... w. ResourcePolicy + dynamodb:PutResourcePolicy table            -
 * DescribeTable        dynamodb:DescribeTable         table               -
 * UpdateTable          dynamodb:UpdateTable           table               -
 * DeleteTable          dynamodb:DeleteTable           table               -
 * ListTables           dynamodb:ListTables            *                   -
 * DescribeTimeToLive   dynamodb:DescribeTimeToLive    table               -
 * UpdateTimeToLive     dynamodb:UpdateTimeToLive      table               -
 * TagResource          dynamodb:TagResource           ResourceArn         aws:RequestTag/k, aws:TagKeys
 * UntagResource        dynamodb:UntagResource         ResourceArn         aws:TagKeys
 * ListTagsOfResource   dynamodb:ListTagsOfResource    ResourceArn         -
 * PutResourcePolicy    dynamodb:PutResourcePolicy     ResourceArn         - (table or stream)
 * GetResourcePolicy    dynamodb:GetResourcePolicy     ResourceArn         -
 * DeleteResourcePolicy dynamodb:DeleteResourcePolicy  ResourceArn         -
 * DescribeLimits       dynamodb:DescribeLimits        *                   -
 * DescribeEndpoints    dynamodb:DescribeEndpoints     *                   -
 * </pre>
 */
public final class ControlPlaneAccess {

    private ControlPlaneAccess() {
    }

    public static List<AuthorizationRequest> createTable(ResourceArns arns, String tableName, List<Tag> tags, boolean withPolicy) {
        List<AuthorizationRequest> requests = new ArrayList<>(3);
        boolean tagged = tags != null && !tags.isEmpty();
        requests.add((tagged ? tagging(tags) : new ConditionValues()).on("dynamodb:CreateTable", arns.table(tableName)));
        // Tagging on create also needs the TagResource permission (IAM's reference maps CreateTable to both).
        if (tagged) requests.add(tagging(tags).on("dynamodb:TagResource", arns.table(tableName)));
        // Likewise a ResourcePolicy needs PutResourcePolicy (CreateTable's API reference says so).
        if (withPolicy) requests.add(new AuthorizationRequest("dynamodb:PutResourcePolicy", arns.table(tableName)));
        return requests;
    }

    public static List<AuthorizationRequest> describeTable(ResourceArns arns, String tableName) {
        return onTable(arns, "dynamodb:DescribeTable", tableName);
    }

    public static List<AuthorizationRequest> updateTable(ResourceArns arns, String tableName) {
        return onTable(arns, "dynamodb:UpdateTable", tableName);
    }

    public static List<AuthorizationRequest> deleteTable(ResourceArns arns, String tableName) {
        return onTable(arns, "dynamodb:DeleteTable", tableName);
    }

    public static List<AuthorizationRequest> listTables(ResourceArns arns) {
        return List.of(new AuthorizationRequest("dynamodb:ListTables", ResourceArns.ANY));
    }

    public static List<AuthorizationRequest> describeTimeToLive(ResourceArns arns, String tableName) {
        return onTable(arns, "dynamodb:DescribeTimeToLive", tableName);
    }

    public static List<AuthorizationRequest> updateTimeToLive(ResourceArns arns, String tableName) {
        return onTable(arns, "dynamodb:UpdateTimeToLive", tableName);
    }

    public static List<AuthorizationRequest> tagResource(ResourceArns arns, String resourceArn, List<Tag> tags) {
        return List.of(tagging(tags).on("dynamodb:TagResource", resourceArn));
    }

    public static List<AuthorizationRequest> untagResource(ResourceArns arns, String resourceArn, List<String> tagKeys) {
        ConditionValues values = new ConditionValues();
        tagKeys.forEach(key -> values.put(TAG_KEYS, key));
        return List.of(values.on("dynamodb:UntagResource", resourceArn));
    }

    public static List<AuthorizationRequest> listTagsOfResource(ResourceArns arns, String resourceArn) {
        return List.of(new AuthorizationRequest("dynamodb:ListTagsOfResource", resourceArn));
    }

    public static List<AuthorizationRequest> putResourcePolicy(ResourceArns arns, String resourceArn) {
        return List.of(new AuthorizationRequest("dynamodb:PutResourcePolicy", resourceArn));
    }

    public static List<AuthorizationRequest> getResourcePolicy(ResourceArns arns, String resourceArn) {
        return List.of(new AuthorizationRequest("dynamodb:GetResourcePolicy", resourceArn));
    }

    public static List<AuthorizationRequest> deleteResourcePolicy(ResourceArns arns, String resourceArn) {
        return List.of(new AuthorizationRequest("dynamodb:DeleteResourcePolicy", resourceArn));
    }

    public static List<AuthorizationRequest> describeLimits(ResourceArns arns) {
        return List.of(new AuthorizationRequest("dynamodb:DescribeLimits", ResourceArns.ANY));
    }

    public static List<AuthorizationRequest> describeEndpoints(ResourceArns arns) {
        return List.of(new AuthorizationRequest("dynamodb:DescribeEndpoints", ResourceArns.ANY));
    }

    private static List<AuthorizationRequest> onTable(ResourceArns arns, String action, String tableName) {
        return List.of(new AuthorizationRequest(action, arns.table(tableName)));
    }

    private static ConditionValues tagging(List<Tag> tags) {
        ConditionValues values = new ConditionValues();
        for (Tag tag : tags) values.put(REQUEST_TAG_PREFIX + tag.key(), tag.value());
        for (Tag tag : tags) values.put(TAG_KEYS, tag.key());
        return values;
    }
}
