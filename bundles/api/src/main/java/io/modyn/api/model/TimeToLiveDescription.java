package io.modyn.api.model;

/** A table's TTL setting: status ENABLED or DISABLED (DynamoDB also reports ENABLING/DISABLING) and the attribute. */
public record TimeToLiveDescription(String timeToLiveStatus, String attributeName) {

    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";
}
