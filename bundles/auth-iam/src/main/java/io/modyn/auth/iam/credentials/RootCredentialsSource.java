package io.modyn.auth.iam.credentials;

import io.modyn.auth.iam.credentials.CredentialsFile.Keys;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Where the account root's keys come from, in this order:
 *
 * <ol>
 * <li>the environment ({@code MODYN_ROOT_ACCESS_KEY_ID} and {@code MODYN_ROOT_SECRET_ACCESS_KEY}
 *     unless the configuration names other variables): test suites and operators with their own
 *     secret store choose the keys, and any printable access key id is taken, so that suites with
 *     fixed dummy keys run signed;
 * <li>{@code <data-dir>/root-credentials}, written at the first start without such variables and
 *     read at every later one.
 * </ol>
 *
 * <p>The secret is read here, by the component, and never passes through Configuration Admin,
 * whose store lands in the data directory. Log lines name the file and the access key id, never
 * the secret.
 */
public final class RootCredentialsSource {

    private static final Logger LOG = Logger.getLogger(RootCredentialsSource.class.getName());

    private final Map<String, String> environment;
    private final String accessKeyIdVariable;
    private final String secretVariable;
    private final Path dataDirectory;
    private final AccessKeyGenerator generator;

    public RootCredentialsSource(Map<String, String> environment, String accessKeyIdVariable, String secretVariable,
                                 Path dataDirectory, AccessKeyGenerator generator) {
        this.environment = environment;
        this.accessKeyIdVariable = accessKeyIdVariable;
        this.secretVariable = secretVariable;
        this.dataDirectory = dataDirectory;
        this.generator = generator;
    }

    /** @throws IllegalStateException when the keys given are unusable, or the file cannot be read or written */
    public Keys resolve(String accountId) {
        String accessKeyId = environment.getOrDefault(accessKeyIdVariable, "");
        String secret = environment.getOrDefault(secretVariable, "");
        if (!accessKeyId.isEmpty() || !secret.isEmpty()) {
            return fromEnvironment(accountId, accessKeyId, secret);
        }
        Path file = file();
        try {
            if (Files.exists(file)) {
                return fromFile(accountId, file);
            }
            return generate(accountId, file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use the root credentials file " + file + ": " + e, e);
        }
    }

    public Path file() {
        return dataDirectory.resolve(CredentialsFile.FILE_NAME);
    }

    private Keys fromEnvironment(String accountId, String accessKeyId, String secret) {
        if (accessKeyId.isEmpty() || secret.isEmpty()) {
            throw new IllegalStateException((accessKeyId.isEmpty() ? secretVariable + " is set but " + accessKeyIdVariable
                    : accessKeyIdVariable + " is set but " + secretVariable) + " is not: set both, or neither to use " + file());
        }
        checkAccessKeyId(accessKeyId, accessKeyIdVariable);
        if (secret.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalStateException(secretVariable + " holds control characters");
        }
        LOG.info(() -> "Root credentials of account " + accountId + " from the environment: access key id " + accessKeyId
                + " (" + accessKeyIdVariable + ")");
        return new Keys(accessKeyId, secret);
    }

    private Keys fromFile(String accountId, Path file) throws IOException {
        Keys keys = CredentialsFile.read(file);
        if (keys == null) {
            throw new IllegalStateException(file + " has no [default] profile with aws_access_key_id and aws_secret_access_key");
        }
        checkAccessKeyId(keys.accessKeyId(), file.toString());
        if (CredentialsFile.isOpenToOthers(file)) {
            LOG.warning(() -> file + " can be read or written by other users than its owner; restrict it with chmod 600 " + file);
        }
        LOG.info(() -> "Root credentials of account " + accountId + " from " + file + ": access key id " + keys.accessKeyId());
        return keys;
    }

    private Keys generate(String accountId, Path file) throws IOException {
        Keys keys = new Keys(generator.newAccessKeyId(), generator.newSecretAccessKey());
        try {
            CredentialsFile.create(file, accountId, keys);
        } catch (FileAlreadyExistsException e) {
            return fromFile(accountId, file); // another start wrote it meanwhile: use that one
        }
        LOG.info(() -> "Generated root credentials of account " + accountId + " (access key id " + keys.accessKeyId()
                + ") and wrote them to " + file + ", readable by its owner only; use them with AWS_SHARED_CREDENTIALS_FILE=" + file);
        return keys;
    }

    /**
     * Any printable ASCII text works as an access key id, except what would break a signature's
     * {@code Credential=<id>/<date>/...} parameter: slashes, commas and whitespace.
     */
    static void checkAccessKeyId(String accessKeyId, String origin) {
        boolean usable = !accessKeyId.isEmpty() && accessKeyId.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != ',');
        if (!usable) {
            throw new IllegalStateException("The root access key id from " + origin
                    + " must be printable ASCII without spaces, '/' or ','");
        }
    }
}
