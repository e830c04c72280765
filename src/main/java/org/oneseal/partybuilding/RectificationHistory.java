package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only history of rectification items (the database refuses changes to it). */
@Component
class RectificationHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    RectificationHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds a step: CREATED, EVIDENCE, REMINDED, OVERDUE or CLOSED; {@code actor} null for the deadline job. */
    void add(long itemId, String kind, String note, String actor) {
        jdbc.sql("""
                insert into oneseal.party_rectification_event (item_id, kind, note, actor, at)
                values (:i, :k, :n, :a, :at)""").param("i", itemId).param("k", kind).param("n", note)
                .param("a", actor).param("at", Timestamp.from(clock.instant())).update();
    }
}
