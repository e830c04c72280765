package org.oneseal.approval;

import java.util.concurrent.atomic.AtomicLong;

/** Case ids no other test uses: every test context on the shared test database starts fresh processes. */
final class TestCases {

    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() * 1000);

    private TestCases() {
    }

    static long newCaseId() {
        return NEXT.incrementAndGet();
    }
}
