package io.modyn.engine.write;

/** Who caused a change: a client request, or the service itself (TTL expiry), as stream records tell. */
public enum ChangeOrigin {
    REQUEST,
    TIME_TO_LIVE
}
