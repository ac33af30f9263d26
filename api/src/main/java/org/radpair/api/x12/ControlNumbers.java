package org.radpair.api.x12;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Interchange control numbers (ISA13, nine digits) of the 277CAs this process writes: one per response, counted up
 * from the clock's seconds at start, so that two responses of one process never share one and a restart a second or
 * more later starts past the numbers of a process that wrote fewer than one a second.
 */
final class ControlNumbers {

    private static final long MODULUS = 1_000_000_000L;
    private static final AtomicLong LAST = new AtomicLong(System.currentTimeMillis() / 1000 % MODULUS);

    private ControlNumbers() {
    }

    static long next() {
        return LAST.updateAndGet(n -> n + 1 >= MODULUS ? 1 : n + 1);
    }
}
