package org.oneseal.approval;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serialises work on one case's process across threads and nodes: a PostgreSQL transaction advisory lock keyed
 * by the case id, released when the caller's transaction ends. Used so that "one process per case" holds even
 * when two starts for the same case race.
 */
@Component
class CaseLock {

    /** "OSAC" (OneSeal approval case). */
    private static final int NAMESPACE = 0x4F534143;

    private final JdbcClient jdbc;

    CaseLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction. */
    void lock(long caseId) {
        int key = (int) (caseId ^ (caseId >>> 32));
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(NAMESPACE, key).query((rs, row) -> 1).list();
    }
}
