package org.innofund.subsidy.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The public calculator's rate limit per client address: nothing of a calculation is stored (unlike the objections,
 * counted from their rows), so the recent requests are counted here, per server. With two servers a client gets at
 * most twice the limit, which is enough to stop a script hammering the rule engine.
 */
@ApplicationScoped
public class CalculatorRate {

    public static final int REQUESTS_PER_WINDOW = 30;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Beyond this many addresses the oldest-looking are forgotten, so that the map cannot grow without bound. */
    static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    /** Counts one request of the address at {@code now}; false when it already made the limit within the window. */
    public synchronized boolean allow(String address, Instant now) {
        if (recent.size() > MAX_ADDRESSES) {
            recent.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(WINDOW)));
            if (recent.size() > MAX_ADDRESSES) {
                recent.clear();
            }
        }
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        // the test clock may move backwards: a time after now is as stale as one before the window
        times.removeIf(t -> !t.isAfter(now.minus(WINDOW)) || t.isAfter(now));
        if (times.size() >= REQUESTS_PER_WINDOW) {
            return false;
        }
        times.addLast(now);
        return true;
    }
}
