package io.modyn.engine;

/** Identity of this server as it appears in ARNs: the region and account id it claims. */
public record EngineSettings(String region, String accountId) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";

    public String tableArn(String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }
}
