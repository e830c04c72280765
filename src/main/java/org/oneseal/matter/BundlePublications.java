package org.oneseal.matter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The publication history of bundles (一件事, table {@code bundle_publication}, V72): a bundle's region, target and
 * members from its publication until it is withdrawn or changed, so that the catalogue figures can be taken at any
 * past moment ({@link CatalogueSnapshot}). Called by {@link Bundles} inside its transactions. The record began when V72
 * ran; bundles of before are known only as they were then ({@link #recordStart}).
 */
@Component
class BundlePublications {

    private final JdbcClient jdbc;

    BundlePublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bundle is published as it now is, from {@code now} (a publication in force until then ends). */
    void published(long bundleId, Instant now) {
        withdrawn(bundleId, now);
        Long id = jdbc.sql("""
                insert into oneseal.bundle_publication (bundle_id, region_id, target_working_days, published_from)
                select id, region_id, target_working_days, :now from oneseal.bundle where id = :id returning id""")
                .param("id", bundleId).param("now", Timestamp.from(now)).query(Long.class).single();
        jdbc.sql("""
                insert into oneseal.bundle_publication_member (publication_id, matter_id, sort_order, carried_by_licence)
                select :publication, matter_id, sort_order, carried_by_licence from oneseal.bundle_member
                where bundle_id = :id""").param("publication", id).param("id", bundleId).update();
    }

    /** The bundle's publication in force, if any, ends at {@code now}. */
    void withdrawn(long bundleId, Instant now) {
        jdbc.sql("""
                update oneseal.bundle_publication set published_until = :now
                where bundle_id = :id and published_until is null""")
                .param("id", bundleId).param("now", Timestamp.from(now)).update();
    }

    /** A changed bundle: if it is published, what is published changes now. */
    void changed(long bundleId, Instant now) {
        boolean published = jdbc.sql("select published from oneseal.bundle where id = :id").param("id", bundleId)
                .query(Boolean.class).single();
        if (published) {
            published(bundleId, now);
        }
    }

    /**
     * When the record began (V80, {@code bundle_history_start}), if bundles existed before it: a moment before that
     * has no reliable bundles in force. Empty when the record is complete.
     */
    Optional<Instant> recordStart() {
        return jdbc.sql("select started_at from oneseal.bundle_history_start")
                .query((rs, n) -> rs.getTimestamp("started_at").toInstant()).optional();
    }
}
