package io.modyn.storage.file;

import io.modyn.api.storage.StorageException;

/** The keyspace names the SPI allows: {@code [A-Za-z0-9._-]{1,200}}. ASCII, so the log stores chars as bytes. */
final class KeyspaceName {

    private static final int MAX_LENGTH = 200;

    private KeyspaceName() {
    }

    static String check(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) throw invalid(name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!allowed) throw invalid(name);
        }
        return name;
    }

    private static StorageException invalid(String name) {
        return new StorageException("invalid keyspace name '" + name + "': expected [A-Za-z0-9._-]{1,200}", false);
    }
}
