package org.innofund.platform.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The test clock's offset as last read from where it is shared, read again once it is older than the interval: a
 * clock is read many times per request, and a change made on another server of a cluster shows within the interval.
 */
final class CachedOffset {

    private record Read(Duration offset, Instant expires) {
    }

    private final Supplier<Duration> source;
    private final Duration interval;
    private volatile Read last;

    CachedOffset(Supplier<Duration> source, Duration interval) {
        this.source = source;
        this.interval = interval;
    }

    /** The offset at this (real) instant. */
    Duration at(Instant now) {
        Read read = last;
        if (read == null || !now.isBefore(read.expires())) {
            read = new Read(source.get(), now.plus(interval));
            last = read;
        }
        return read.offset();
    }

    /** After a change made here: the next reading asks the source. */
    void forget() {
        last = null;
    }
}
