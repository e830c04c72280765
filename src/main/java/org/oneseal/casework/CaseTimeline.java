package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The append-only history of cases: who did what, when, why (the timeline both sides see). */
@Repository
class CaseTimeline {

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    CaseTimeline(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records a move and tells the rest of the platform ({@link CaseStatusChanged}). */
    long record(CaseFile file, Instant at, String actor, String kind, String reason) {
        return record(file, at, actor, null, kind, reason);
    }

    /** As above, for a staff member acting for the applicant (帮办代办): both names are kept. */
    long record(CaseFile file, Instant at, String actor, String actingFor, String kind, String reason) {
        long id = append(file.id(), at, actor, actingFor, kind, file.status(), reason);
        CaseFile.CaseRow r = file.row();
        events.publishEvent(new CaseStatusChanged(r.id, r.caseNumber, r.matterName, r.applicantAccountId, r.regionId,
                kind, r.status, r.promisedDue, reason, at, bundleOf(r.id)));
        return id;
    }

    /** The 一件事 application a case belongs to, or null. */
    Long bundleOf(long caseId) {
        return jdbc.sql("select bundle_case_id from oneseal.bundle_case_member where case_id = :id").param("id", caseId)
                .query(Long.class).optional().orElse(null);
    }

    long append(long caseId, Instant at, String actor, String actingFor, String kind, CaseStatus status, String reason) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.case_event (case_id, at, actor, acting_for, kind, status, reason)
                values (:caseId, :at, :actor, :actingFor, :kind, :status, :reason)""")
                .param("caseId", caseId).param("at", Timestamp.from(at)).param("actor", actor)
                .param("actingFor", actingFor).param("kind", kind).param("status", status.name()).param("reason", reason)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<CaseEventView> of(long caseId) {
        return jdbc.sql("""
                select at, actor, acting_for, kind, status, reason from oneseal.case_event
                where case_id = :caseId order by id""").param("caseId", caseId)
                .query((rs, n) -> new CaseEventView(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("acting_for"), rs.getString("kind"), CaseStatus.valueOf(rs.getString("status")),
                        rs.getString("reason")))
                .list();
    }

    void addDeficiency(long caseId, long eventId, String requirementCode, String description) {
        jdbc.sql("""
                insert into oneseal.case_deficiency (case_id, event_id, requirement_code, description)
                values (:caseId, :eventId, :code, :description)""")
                .param("caseId", caseId).param("eventId", eventId).param("code", requirementCode)
                .param("description", description).update();
    }

    List<Deficiency> openDeficiencies(long caseId) {
        return jdbc.sql("""
                select requirement_code, description from oneseal.case_deficiency
                where case_id = :caseId and resolved_at is null order by id""").param("caseId", caseId)
                .query((rs, n) -> new Deficiency(rs.getString("requirement_code"), rs.getString("description"))).list();
    }

    void resolveDeficiencies(long caseId, Instant at) {
        jdbc.sql("update oneseal.case_deficiency set resolved_at = :at where case_id = :caseId and resolved_at is null")
                .param("at", Timestamp.from(at)).param("caseId", caseId).update();
    }
}
