package io.modyn.kms.rootkey;

import io.modyn.api.crypto.RootKeySource;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Which built-in root key the kms component uses when no {@link RootKeySource} service is
 * registered (a registered one, such as an HSM or vault bundle's, always wins). In order:
 * <ol>
 *   <li>the file named by {@code --kms-root-key-file}, else by {@code MODYN_KMS_ROOT_KEY_FILE}
 *       (bin/modyn passes whichever is given as the configuration's {@code rootKeyFile});</li>
 *   <li>the key in the environment variable {@value EnvironmentRootKeySource#VARIABLE};</li>
 *   <li>{@code secrets/kms-root.key} beside the data directory, generated at the first start.</li>
 * </ol>
 * A named file wins over the variable, and the log says the variable was ignored (never its value).
 */
public final class RootKeySelection {

    private static final Logger LOG = Logger.getLogger(RootKeySelection.class.getName());

    private RootKeySelection() {
    }

    /**
     * @param rootKeyFile the configured file, empty (or an unresolved {@code ${...}}) for none
     * @param dataDirectory the configured data directory, likewise
     * @param environment the process environment ({@code System::getenv} in the server)
     */
    public static RootKeySource choose(String rootKeyFile, String dataDirectory, UnaryOperator<String> environment) {
        String file = configured(rootKeyFile);
        String fromEnvironment = environment.apply(EnvironmentRootKeySource.VARIABLE);
        boolean inEnvironment = fromEnvironment != null && !fromEnvironment.isBlank();
        if (file != null) {
            if (inEnvironment) {
                LOG.warning(() -> "Both a KMS root key file (" + file + ") and " + EnvironmentRootKeySource.VARIABLE
                        + " are set: using the file, ignoring the variable");
            }
            return FileRootKeySource.read(Path.of(file));
        }
        if (inEnvironment) {
            return EnvironmentRootKeySource.of(fromEnvironment);
        }
        String data = configured(dataDirectory);
        return FileRootKeySource.besideDataDirectory(Path.of(data == null ? "data" : data));
    }

    private static String configured(String value) {
        String trimmed = value == null ? "" : value.trim();
        return trimmed.isEmpty() || trimmed.startsWith("${") ? null : trimmed;
    }
}
