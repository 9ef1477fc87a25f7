package io.modyn.itests.support;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Dummy credentials: the server accepts any well-formed signature until an auth bundle is installed. */
public final class TestCredentials {

    public static final String ACCESS_KEY_ID = "AKIAMODYNITESTS00001";
    public static final String SECRET_ACCESS_KEY = "modyn-itests-secret-access-key";

    private TestCredentials() {
    }

    public static StaticCredentialsProvider provider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }
}
