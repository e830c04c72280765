package org.oneseal.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a rating of any channel, in the caller's transaction: the rating with every dimension the figures count by
 * (region, department, matter, window, staff member), and for a bad review (levels 2 and 1) the rectification it
 * opens, assigned to whoever handled the service (谁办理谁负责), due in the configured working days. A rating of a day
 * already rolled up (a late pushed one) marks that day to be rolled up again.
 */
@Component
class RatingStore {

    /** The hard cap of the rectification deadline, in working days. */
    static final int MAX_RECTIFICATION_DAYS = 15;

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;
    private final int rectificationDays;
    private final JsonMapper json = JsonMapper.builder().build();

    RatingStore(JdbcClient jdbc, WorkingDayCalendar calendar, AuditLog audit, Clock clock,
            @Value("${oneseal.evaluation.rectification-days:5}") int rectificationDays) {
        if (rectificationDays < 1 || rectificationDays > MAX_RECTIFICATION_DAYS) {
            throw new IllegalStateException("oneseal.evaluation.rectification-days must be between 1 and "
                    + MAX_RECTIFICATION_DAYS + " working days (国办发〔2019〕51号), not " + rectificationDays);
        }
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.rectificationDays = rectificationDays;
    }

    int rectificationDays() {
        return rectificationDays;
    }

    /** A rating about to be stored; everything already checked. */
    record NewRating(int schemeVersion, String objectType, String objectId, Long caseId, String step, String channel,
                     boolean faceToFace, int level, Set<String> reasons, String comment, Map<String, Integer> indicators,
                     Long raterAccountId, String raterName, String raterPhone, long regionId, Long departmentId,
                     Long matterId, Long windowId, String handledBy, String source, Long sourceId, String enteredBy,
                     String visitKey, String deviceKey, Instant ratedAt) {

        boolean bad() {
            return level <= 2;
        }

        boolean named() {
            return raterAccountId != null || raterPhone != null;
        }
    }

    /** Stores it (and its rectification); returns the rating's id. A second rating of a case step or visit throws. */
    long store(NewRating r) {
        LocalDate day = LocalDate.ofInstant(r.ratedAt(), clock.getZone());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.rating (scheme_version, object_type, object_id, case_id, step, channel, face_to_face,
                    level, reasons, comment, indicators, rater_account_id, rater_name, rater_phone, region_id,
                    department_id, matter_id, window_id, handled_by, rated_at, day, source, source_id, entered_by,
                    visit_key, device_key)
                values (:scheme, :objectType, :objectId, :caseId, :step, :channel, :f2f, :level, :reasons, :comment,
                    cast(:indicators as jsonb), :rater, :raterName, :raterPhone, :region, :department, :matter, :window,
                    :handler, :at, :day, :source, :sourceId, :enteredBy, :visit, :device)""")
                .param("scheme", r.schemeVersion()).param("objectType", r.objectType()).param("objectId", r.objectId())
                .param("caseId", r.caseId()).param("step", r.step()).param("channel", r.channel())
                .param("f2f", r.faceToFace()).param("level", r.level()).param("reasons", String.join(",", r.reasons()))
                .param("comment", r.comment() == null || r.comment().isBlank() ? null : r.comment().strip())
                .param("indicators", r.indicators() == null || r.indicators().isEmpty() ? null
                        : json.writeValueAsString(r.indicators()))
                .param("rater", r.raterAccountId()).param("raterName", r.raterName()).param("raterPhone", r.raterPhone())
                .param("region", r.regionId()).param("department", r.departmentId()).param("matter", r.matterId())
                .param("window", r.windowId()).param("handler", r.handledBy())
                .param("at", Timestamp.from(r.ratedAt())).param("day", day).param("source", r.source())
                .param("sourceId", r.sourceId()).param("enteredBy", r.enteredBy()).param("visit", r.visitKey())
                .param("device", r.deviceKey())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        // the day is read from the ratings until rolled up; a late rating of a rolled-up day is rolled up again (the
        // update locks the day's row, so a roll-up running now either sees this rating or is redone)
        jdbc.sql("insert into oneseal.rating_day (day, rolled) values (:day, false) on conflict (day) do nothing")
                .param("day", day).update();
        if (day.isBefore(LocalDate.now(clock))) {
            jdbc.sql("update oneseal.rating_day set rolled = false where day = :day").param("day", day).update();
        }
        if (r.bad()) {
            LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), rectificationDays);
            GeneratedKeyHolder x = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into oneseal.rectification (rating_id, case_id, region_id, department_id, matter_id, window_id,
                        responsible, state, due_on, opened_at, named, day, channel)
                    values (:rating, :caseId, :region, :department, :matter, :window, :responsible, 'OPEN', :due, :at,
                        :named, :day, :channel)""")
                    .param("rating", id).param("caseId", r.caseId()).param("region", r.regionId())
                    .param("department", r.departmentId()).param("matter", r.matterId()).param("window", r.windowId())
                    .param("responsible", r.handledBy()).param("due", due)
                    .param("at", Timestamp.from(clock.instant())).param("named", r.named()).param("day", day)
                    .param("channel", r.channel()).update(x, "id");
            jdbc.sql("""
                    insert into oneseal.rectification_event (rectification_id, kind, actor, note, at)
                    values (:id, 'OPENED', null, :note, :at)""")
                    .param("id", x.getKey().longValue()).param("note", "due " + due)
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        audit.record(AuditRecord.of("evaluation.rate", "Rating", id).region(r.regionId())
                .reason(r.objectType() + " " + r.objectId() + (r.step() == null ? "" : " " + r.step()) + " level "
                        + r.level() + " via " + r.channel() + " (" + r.source() + ")"));
        return id;
    }
}
