package org.oneseal;

import java.util.function.LongSupplier;

/** Waiting for what an asynchronous listener writes after the commit. */
public final class Eventually {

    private Eventually() {
    }

    /** The value, polled for up to 10 s while it is 0. */
    public static long nonZero(LongSupplier value) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long v = value.getAsLong();
        while (v == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            v = value.getAsLong();
        }
        return v;
    }
}
