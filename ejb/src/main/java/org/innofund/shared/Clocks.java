package org.innofund.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one source of "now" for every business service. Domain methods take the instant as a parameter, so
 * deadlines, lockouts and publicity periods are unit-tested with fixed instants instead of sleeping.
 */
@ApplicationScoped
public class Clocks {

    /** Deadlines, call dates and displayed times are in Asia/Shanghai. */
    public static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    Clock clock() {
        return Clock.system(BUREAU_ZONE);
    }
}
