package io.modyn.engine.stream;

import java.util.List;

/** What a stream record shows of the item besides its key. */
enum StreamViewType {
    KEYS_ONLY(false, false),
    NEW_IMAGE(true, false),
    OLD_IMAGE(false, true),
    NEW_AND_OLD_IMAGES(true, true);

    /** The values in the order DynamoDB lists them in its enum-constraint message. */
    static final List<String> WIRE_VALUES = List.of("OLD_IMAGE", "KEYS_ONLY", "NEW_AND_OLD_IMAGES", "NEW_IMAGE");

    private final boolean showsNew;
    private final boolean showsOld;

    StreamViewType(boolean showsNew, boolean showsOld) {
        this.showsNew = showsNew;
        this.showsOld = showsOld;
    }

    boolean showsNew() { return showsNew; }

    boolean showsOld() { return showsOld; }
}
