package org.innofund.platform.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock running ahead of the real one by the test clock's offset (zero until a test moves it). */
final class OffsetClock extends Clock {

    private final Clock base;
    private final CachedOffset offset;

    OffsetClock(Clock base, CachedOffset offset) {
        this.base = base;
        this.offset = offset;
    }

    @Override
    public Instant instant() {
        Instant now = base.instant();
        return now.plus(offset.at(now));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new OffsetClock(base.withZone(zone), offset);
    }
}
