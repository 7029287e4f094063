package org.innofund.shared;

import java.time.ZoneId;

/** The bureau's time zone. "Now" itself comes from the injected {@code java.time.Clock} (platform.clock.TestClock). */
public final class Clocks {

    /** Deadlines, call dates and displayed times are in Asia/Shanghai. */
    public static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

    private Clocks() {
    }
}
