package org.oneseal.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.casework.CaseDetail;
import org.oneseal.casework.CaseQueries;
import org.oneseal.casework.CaseView;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一事一评: the applicant rates a step of their own case — reception, acceptance (once accepted), conclusion (once
 * concluded) — once per step, with a level 1–5 and reasons of that level from the current scheme. A bad review
 * (levels 2 and 1) names at least one reason and opens a rectification for whoever handled the step (谁办理谁负责),
 * due in 5 working days. Refusals (another's case, a second rating, a foreign reason) are audited.
 */
@Service
public class Ratings {

    static final int RECTIFICATION_WORKING_DAYS = 5;
    static final Set<String> STEPS = Set.of("RECEPTION", "ACCEPTANCE", "CONCLUSION");

    private final JdbcClient jdbc;
    private final CaseQueries cases;
    private final CurrentUser currentUser;
    private final WorkingDayCalendar calendar;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final JsonMapper json = JsonMapper.builder().build();

    Ratings(JdbcClient jdbc, CaseQueries cases, CurrentUser currentUser, WorkingDayCalendar calendar,
            MessageSource messages, AuditLog audit, Clock clock,
            org.springframework.transaction.support.TransactionTemplate tx) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.cases = cases;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The scheme in force: its version and, per level 1–5, the level's name and reasons (code → text). */
    public record Scheme(int version, Map<Integer, Level> levels) {
    }

    /** One level of the scheme. */
    public record Level(String name, Map<String, String> reasons) {
    }

    /** What the rater says. */
    public record RatingRequest(String step, Integer level, List<String> reasons, String comment) {
    }

    /** A stored rating as its rater sees it. */
    public record RatingView(long id, long caseId, String step, int level, List<String> reasons, boolean rectification) {
    }

    @Transactional(readOnly = true)
    public Scheme scheme() {
        return jdbc.sql("select version, content::text from oneseal.rating_scheme order by version desc limit 1")
                .query((rs, n) -> parse(rs.getInt(1), rs.getString(2))).single();
    }

    /**
     * The signed-in applicant rates a step of their case. The ownership check runs in its own read transaction (a
     * case that is not theirs is "not found" and audited), the rating and its rectification in one write.
     */
    public RatingView rateCase(long caseId, RatingRequest r) {
        AccountPrincipal me = currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF)
                .orElseThrow(() -> new AccessDeniedException("applicants rate their own cases"));
        CaseDetail detail;
        try {
            detail = cases.myCase(caseId);
        } catch (NotFoundException e) {
            audit.recordIndependently(AuditRecord.of("evaluation.rate", "Case", caseId).outcome(AuditOutcome.DENIED)
                    .reason("not the rater's case"));
            throw e;
        }
        CaseView c = detail.summary();
        Scheme scheme = scheme();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        String step = r.step() == null ? "" : r.step();
        if (!STEPS.contains(step)) {
            errors.add("step", text("evaluation.step.unknown"));
        } else if ("ACCEPTANCE".equals(step) && c.acceptedOn() == null || "CONCLUSION".equals(step) && c.concludedOn() == null) {
            errors.add("step", text("evaluation.step.notYet"));
        }
        Level level = r.level() == null ? null : scheme.levels().get(r.level());
        if (level == null) {
            errors.add("level", text("evaluation.level.range"));
        }
        Set<String> reasons = new LinkedHashSet<>(r.reasons() == null ? List.of() : r.reasons());
        boolean foreign = level != null && reasons.stream().anyMatch(code -> !level.reasons().containsKey(code));
        if (foreign) {
            errors.add("reasons", text("evaluation.reason.foreign", level.name()));
        }
        if (level != null) {
            if (r.level() <= 2 && reasons.isEmpty()) {
                errors.add("reasons", text("evaluation.reason.required"));
            }
        }
        if (r.comment() != null && r.comment().length() > 500) {
            errors.add("comment", text("evaluation.comment.size"));
        }
        if (foreign) { // reasons of another level: a crafted request, not a slip of the form
            audit.recordIndependently(AuditRecord.of("evaluation.rate", "Case", caseId).outcome(AuditOutcome.FAILURE)
                    .region(c.regionId()).reason("reasons outside level " + r.level()));
        }
        errors.throwIfAny();
        String handler = cases.handlerOf(caseId, step).orElse(null);
        try {
            return tx.execute(status -> store(caseId, r, me, c, scheme, step, reasons, handler));
        } catch (DuplicateKeyException e) {
            audit.recordIndependently(AuditRecord.of("evaluation.rate", "Case", caseId).outcome(AuditOutcome.FAILURE)
                    .region(c.regionId()).reason("second rating of " + step));
            throw InvalidInputException.of("step", text("evaluation.step.rated"));
        }
    }

    private RatingView store(long caseId, RatingRequest r, AccountPrincipal me, CaseView c, Scheme scheme, String step,
            Set<String> reasons, String handler) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        {
            jdbc.sql("""
                    insert into oneseal.rating (scheme_version, object_type, object_id, case_id, step, channel, face_to_face,
                                                level, reasons, comment, rater_account_id, region_id, handled_by,
                                                rated_at, source)
                    values (:scheme, 'CASE', :object, :caseId, :step, 'PORTAL', false, :level, :reasons, :comment,
                            :rater, :region, :handler, :at, 'portal')""")
                    .param("scheme", scheme.version()).param("object", String.valueOf(caseId)).param("caseId", caseId)
                    .param("step", step).param("level", r.level()).param("reasons", String.join(",", reasons))
                    .param("comment", r.comment() == null || r.comment().isBlank() ? null : r.comment().strip())
                    .param("rater", me.accountId()).param("region", c.regionId()).param("handler", handler)
                    .param("at", Timestamp.from(clock.instant())).update(keys, "id");
        }
        long id = keys.getKey().longValue();
        boolean bad = r.level() <= 2;
        if (bad) {
            LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), RECTIFICATION_WORKING_DAYS);
            jdbc.sql("""
                    insert into oneseal.rectification (rating_id, case_id, region_id, responsible, state, due_on, opened_at)
                    values (:rating, :caseId, :region, :responsible, 'OPEN', :due, :at)""")
                    .param("rating", id).param("caseId", caseId).param("region", c.regionId())
                    .param("responsible", handler).param("due", due).param("at", Timestamp.from(clock.instant()))
                    .update();
        }
        audit.record(AuditRecord.of("evaluation.rate", "Rating", id).region(c.regionId())
                .reason("case " + caseId + " " + step + " level " + r.level()));
        return new RatingView(id, caseId, step, r.level(), List.copyOf(reasons), bad);
    }

    /** The applicant's ratings of a case (no transaction of its own: "not found" must not mark one rollback-only). */
    public List<RatingView> myRatings(long caseId) {
        cases.myCase(caseId); // ownership
        return jdbc.sql("""
                select r.id, r.case_id, r.step, r.level, r.reasons, exists (select 1 from oneseal.rectification x
                       where x.rating_id = r.id) from oneseal.rating r where r.case_id = :id order by r.id""")
                .param("id", caseId)
                .query((rs, n) -> new RatingView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5).isEmpty() ? List.of() : List.of(rs.getString(5).split(",")), rs.getBoolean(6)))
                .list();
    }

    private Scheme parse(int version, String content) {
        JsonNode levels = json.readTree(content).get("levels");
        Map<Integer, Level> map = new java.util.TreeMap<>();
        for (int l = 1; l <= 5; l++) {
            JsonNode node = levels.get(String.valueOf(l));
            Map<String, String> reasons = new java.util.LinkedHashMap<>();
            node.get("reasons").properties().forEach(e -> reasons.put(e.getKey(), e.getValue().asString()));
            map.put(l, new Level(node.get("name").asString(), reasons));
        }
        return new Scheme(version, map);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
