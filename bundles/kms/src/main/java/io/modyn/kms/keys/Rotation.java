package io.modyn.kms.keys;

/**
 * One rotation of a key: the version it created, when, and whether on demand or on schedule
 * ({@code ON_DEMAND} / {@code AUTOMATIC}, as ListKeyRotations names them).
 */
public record Rotation(int version, long epochMillis, String type) {
}
