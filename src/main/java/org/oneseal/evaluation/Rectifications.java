package org.oneseal.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.casework.CaseQueries;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.ApplicantDirectory;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 差评整改: every bad review's rectification, assigned to whoever handled the service (谁办理谁负责) and the chiefs of
 * its region. The chief verifies and classifies it — 立行立改 (IMMEDIATE), 限期整改 (DEADLINE: a ledger entry of the
 * measures and a deadline within the hard cap of 15 working days), 解释说明 (EXPLAIN), 申诉复核 (APPEAL: to a reviewer,
 * who may exclude a mistaken or malicious rating from the figures, with a reason) — the handler (or the chief)
 * records what was done, the chief calls the rater back (named ratings: always, with the result) and closes it.
 * Every step is a row of its history; nothing is deleted or edited. The rater's identity is shown to the chiefs who
 * call back, never to the rated staff member.
 */
@Service
public class Rectifications {

    static final Set<String> CLASSES = Set.of("IMMEDIATE", "DEADLINE", "EXPLAIN", "APPEAL");
    static final Set<String> CALLBACK_RESULTS = Set.of("SATISFIED", "BASICALLY", "UNSATISFIED", "UNREACHABLE");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final CaseQueries cases;
    private final Ratings ratings;
    private final WorkingDayCalendar calendar;
    private final EvaluationMessages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicantDirectory applicants;

    Rectifications(JdbcClient jdbc, CurrentUser currentUser, CaseQueries cases, Ratings ratings,
            WorkingDayCalendar calendar, EvaluationMessages messages, AuditLog audit, Clock clock,
            ApplicantDirectory applicants) {
        this.applicants = applicants;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.cases = cases;
        this.ratings = ratings;
        this.calendar = calendar;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A rectification as staff see it; rater fields are null for whoever may not see them. */
    public record Item(long id, String state, String classification, int level, String levelName,
                       List<String> reasons, String comment, String objectType, String objectId, String channel,
                       Long caseId, String caseNumber, String matterName, String step, String responsible,
                       LocalDate dueOn, boolean overdue, boolean warned, boolean escalated, Instant openedAt,
                       boolean named, String raterName, String raterPhone, String verification, String ledger,
                       String action, String callbackResult, String callbackNote, LocalDate closedOn,
                       boolean excluded, String excludedReason, List<Event> history) {
    }

    /** One step of the history. */
    public record Event(String kind, String actor, String note, Instant at) {
    }

    /** What the chief decides on verifying. */
    public record Classification(String verification, String classification, String ledger, LocalDate deadline) {
    }

    /** The callback's outcome. */
    public record Callback(String result, String note) {
    }

    /** The reviewer's decision on an appeal. */
    public record AppealDecision(Boolean exclude, String reason) {
    }

    /**
     * The rectifications the caller works on: a chief's are those of the region, another's those assigned to them,
     * plus for a reviewer the appeals of the region; {@code state}: OPEN (everything not closed), CLOSED or ALL.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('evaluation:read')")
    public List<Item> list(String state) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        DataScope scope = currentUser.scope();
        boolean chief = has("evaluation:rectify");
        boolean appeals = has("evaluation:appeal");
        String who = chief ? "true" : "(x.responsible = :me" + (appeals ? " or x.state = 'APPEALED'" : "")
                + (has("evaluation:publish") ? " or x.escalated_at is not null" : "") + ")";
        String states = switch (state == null ? "OPEN" : state) {
            case "CLOSED" -> "x.state in ('CLOSED', 'EXCLUDED')";
            case "ALL" -> "true";
            default -> "x.state not in ('CLOSED', 'EXCLUDED')";
        };
        List<Long> ids = scope.bind(jdbc.sql("select x.id from oneseal.rectification x where "
                        + scope.condition("x.region_id") + " and " + who + " and " + states
                        + " order by x.due_on, x.id limit 300"))
                .param("me", me.getUsername()).query(Long.class).list();
        return ids.stream().map(id -> load(id, me)).toList();
    }

    /** One rectification with its history; "not found" outside the caller's reach (audited for another region). */
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('evaluation:read')")
    public Item get(long id) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        return visible(id, me);
    }

    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('evaluation:rectify')")
    public Item classify(long id, Classification c) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        Item item = locked(id, me);
        requireState(item, "OPEN");
        notRated(id, me, "evaluation.rectification.classify");
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (c.verification() == null || c.verification().strip().length() < 4 || c.verification().length() > 1000) {
            errors.add("verification", messages.text("evaluation.rectification.verification"));
        }
        String cls = c.classification() == null ? "" : c.classification();
        LocalDate due = item.dueOn();
        if (!CLASSES.contains(cls)) {
            errors.add("classification", messages.text("evaluation.rectification.classification"));
        } else if ("DEADLINE".equals(cls)) {
            if (c.ledger() == null || c.ledger().strip().length() < 4 || c.ledger().length() > 1000) {
                errors.add("ledger", messages.text("evaluation.rectification.ledger"));
            }
            LocalDate opened = LocalDate.ofInstant(item.openedAt(), clock.getZone());
            LocalDate cap = calendar.addWorkingDays(opened, RatingStore.MAX_RECTIFICATION_DAYS);
            if (LocalDate.now(clock).isAfter(item.dueOn())) { // overdue already: a new deadline would hide it
                errors.add("deadline", messages.text("evaluation.rectification.overdue", item.dueOn().toString()));
            } else if (c.deadline() == null || c.deadline().isBefore(LocalDate.now(clock)) || c.deadline().isAfter(cap)) {
                errors.add("deadline", messages.text("evaluation.rectification.deadline", cap.toString()));
            } else {
                due = c.deadline();
            }
        }
        errors.throwIfAny();
        String next = "APPEAL".equals(cls) ? "APPEALED" : "CLASSIFIED";
        jdbc.sql("""
                update oneseal.rectification set state = :state, classification = :cls, verification = :verification,
                    ledger = :ledger, due_on = :due, chief = :me where id = :id""")
                .param("state", next).param("cls", cls).param("verification", c.verification().strip())
                .param("ledger", "DEADLINE".equals(cls) ? c.ledger().strip() : null).param("due", due)
                .param("me", me.getUsername()).param("id", id).update();
        event(id, "VERIFIED", me, c.verification().strip());
        event(id, "CLASSIFIED", me, cls + ("DEADLINE".equals(cls) ? " " + due + " " + c.ledger().strip() : ""));
        audited("evaluation.rectification.classify", item, cls);
        return load(id, me);
    }

    /** The handler (or a chief) records what was done: the fix, or the explanation given. */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('evaluation:read')")
    public Item act(long id, String action) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        Item item = locked(id, me);
        if (!me.getUsername().equals(item.responsible()) && !has("evaluation:rectify")) {
            throw new AccessDeniedException("only the responsible staff member or a chief records the fix");
        }
        requireState(item, "CLASSIFIED");
        if (action == null || action.strip().length() < 4 || action.length() > 1000) {
            throw InvalidInputException.of("action", messages.text("evaluation.rectification.action"));
        }
        jdbc.sql("update oneseal.rectification set state = 'ACTED', action = :action where id = :id")
                .param("action", action.strip()).param("id", id).update();
        event(id, "ACTED", me, action.strip());
        audited("evaluation.rectification.act", item, null);
        return load(id, me);
    }

    /** A chief who is not the rated staff member calls the rater back and records the result. */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('evaluation:rectify')")
    public Item callback(long id, Callback c) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        Item item = locked(id, me);
        requireState(item, "ACTED");
        notRated(id, me, "evaluation.rectification.callback");
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (c.result() == null || !CALLBACK_RESULTS.contains(c.result())) {
            errors.add("result", messages.text("evaluation.rectification.callbackResult"));
        }
        if (c.note() != null && c.note().length() > 500) {
            errors.add("note", messages.text("evaluation.comment.size"));
        }
        errors.throwIfAny();
        String note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
        jdbc.sql("""
                update oneseal.rectification set state = 'CALLED_BACK', callback_result = :result, callback_note = :note,
                    called_back_at = :at where id = :id""")
                .param("result", c.result()).param("note", note).param("at", Timestamp.from(clock.instant()))
                .param("id", id).update();
        event(id, "CALLED_BACK", me, c.result() + (note == null ? "" : " " + note));
        audited("evaluation.rectification.callback", item, c.result());
        return load(id, me);
    }

    /** Closes it: after the callback, or — for an anonymous rating nobody can call back — after the fix. */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('evaluation:rectify')")
    public Item close(long id) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        Item item = locked(id, me);
        boolean anonymousFixed = "ACTED".equals(item.state()) && !item.named();
        if (!"CALLED_BACK".equals(item.state()) && !anonymousFixed) {
            if ("ACTED".equals(item.state())) {
                audit.recordIndependently(AuditRecord.of("evaluation.rectification.close", "Rectification", id)
                        .outcome(AuditOutcome.FAILURE).region(regionOf(id)).reason("closing without a callback record"));
                throw InvalidInputException.of("callback", messages.text("evaluation.rectification.noCallback"));
            }
            requireState(item, "CALLED_BACK");
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("update oneseal.rectification set state = 'CLOSED', closed_on = :today where id = :id")
                .param("today", today).param("id", id).update();
        event(id, "CLOSED", me, today.isAfter(item.dueOn()) ? "late" : "on time");
        audited("evaluation.rectification.close", item, today.isAfter(item.dueOn()) ? "late" : "on time");
        return load(id, me);
    }

    /**
     * The reviewer's decision on an appeal: exclude the rating from the figures (a mistaken or malicious one, with the
     * reason; the rating stays, marked) or refuse the appeal (the rectification goes back to be classified anew).
     */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('evaluation:appeal')")
    public Item decideAppeal(long id, AppealDecision d) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        Item item = locked(id, me);
        requireState(item, "APPEALED");
        String classifier = jdbc.sql("select chief from oneseal.rectification where id = :id").param("id", id)
                .query(String.class).single();
        notRated(id, me, "evaluation.appeal.decide");
        if (me.getUsername().equals(classifier)) {
            audit.recordIndependently(AuditRecord.of("evaluation.appeal.decide", "Rectification", id)
                    .outcome(AuditOutcome.DENIED).region(regionOf(id)).reason("deciding one's own appeal"));
            throw new BusinessRuleViolation("evaluation.appeal-own", messages.text("evaluation.appeal.own"));
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (d.exclude() == null) {
            errors.add("exclude", messages.text("evaluation.appeal.decision"));
        }
        if (d.reason() == null || d.reason().strip().length() < 4 || d.reason().length() > 500) {
            errors.add("reason", messages.text("evaluation.appeal.reason"));
        }
        errors.throwIfAny();
        String reason = d.reason().strip();
        if (d.exclude()) {
            Map<String, Object> rating = jdbc.sql("""
                    update oneseal.rating set excluded = true, excluded_reason = :reason, excluded_at = :at,
                        excluded_by = :me where id = (select rating_id from oneseal.rectification where id = :id)
                    returning id, day""").param("reason", reason).param("at", Timestamp.from(clock.instant()))
                    .param("me", me.getUsername()).param("id", id).query().singleRow();
            jdbc.sql("update oneseal.rating_day set rolled = false where day = :day").param("day", rating.get("day"))
                    .update();
            jdbc.sql("update oneseal.rectification set state = 'EXCLUDED', closed_on = :today where id = :id")
                    .param("today", LocalDate.now(clock)).param("id", id).update();
            event(id, "EXCLUDED", me, reason);
            audit.record(AuditRecord.of("evaluation.rating.exclude", "Rating", rating.get("id")).region(regionOf(id))
                    .reason(reason));
        } else {
            jdbc.sql("update oneseal.rectification set state = 'OPEN', classification = null where id = :id")
                    .param("id", id).update();
            event(id, "APPEAL_REFUSED", me, reason);
            audited("evaluation.appeal.refuse", item, reason);
        }
        return load(id, me);
    }

    // ------------------------------------------------------------------------------------------------------------

    private boolean has(String authority) {
        return currentUser.principal().map(p -> p.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(authority))).orElse(false);
    }

    private Item locked(long id, AccountPrincipal me) {
        jdbc.sql("select id from oneseal.rectification where id = :id for update").param("id", id).query(Long.class)
                .optional();
        return visible(id, me);
    }

    /** The item if the caller may see it: in scope, and a chief's, an appeal reviewer's or assigned to the caller. */
    private Item visible(long id, AccountPrincipal me) {
        Long region = jdbc.sql("select region_id from oneseal.rectification where id = :id").param("id", id)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("rectification " + id));
        if (!currentUser.scope().covers(region)) {
            audit.recordIndependently(AuditRecord.of("evaluation.rectification.read", "Rectification", id)
                    .outcome(AuditOutcome.DENIED).region(region).reason("outside data scope"));
            throw new NotFoundException("rectification " + id);
        }
        Item item = load(id, me);
        boolean reach = has("evaluation:rectify") || me.getUsername().equals(item.responsible())
                || has("evaluation:appeal") && "APPEALED".equals(item.state())
                || has("evaluation:publish") && item.escalated();
        if (!reach) {
            throw new NotFoundException("rectification " + id);
        }
        return item;
    }

    private void requireState(Item item, String state) {
        if (!state.equals(item.state())) {
            throw new BusinessRuleViolation("evaluation.rectification-state", messages.text("evaluation.rectification.state",
                    messages.text("evaluation.state." + item.state())));
        }
    }

    private long regionOf(long id) {
        return jdbc.sql("select region_id from oneseal.rectification where id = :id").param("id", id)
                .query(Long.class).single();
    }

    private void event(long id, String kind, AccountPrincipal me, String note) {
        jdbc.sql("""
                insert into oneseal.rectification_event (rectification_id, kind, actor, note, at)
                values (:id, :kind, :actor, :note, :at)""")
                .param("id", id).param("kind", kind).param("actor", me.getUsername())
                .param("note", note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private void audited(String action, Item item, String reason) {
        audit.record(AuditRecord.of(action, "Rectification", item.id()).region(regionOf(item.id())).reason(reason));
    }

    /** Loads an item; the rater's name and phone only for a chief who is not the rated staff member. */
    private Item load(long id, AccountPrincipal me) {
        List<Event> history = jdbc.sql("""
                select kind, actor, note, at from oneseal.rectification_event where rectification_id = :id order by id""")
                .param("id", id).query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
        boolean mayKnowRater = has("evaluation:rectify");
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select x.*, r.level, r.reasons, r.scheme_version, r.comment, r.object_type, r.object_id, r.channel, r.step, r.handled_by,
                       r.rater_name, r.rater_phone, r.rater_account_id, r.excluded, r.excluded_reason
                from oneseal.rectification x join oneseal.rating r on r.id = x.rating_id where x.id = :id""")
                .param("id", id).query((rs, n) -> item(rs, history, mayKnowRater, me, today)).single();
    }

    private Item item(ResultSet rs, List<Event> history, boolean mayKnowRater,
            AccountPrincipal me, LocalDate today) throws SQLException {
        int level = rs.getInt("level");
        Ratings.Level l = ratings.version(rs.getInt("scheme_version")).levels().get(level);
        List<String> reasons = ratings.reasonTexts(rs.getInt("scheme_version"), level, rs.getString("reasons"));
        String responsible = rs.getString("responsible");
        boolean rated = rated(me.getUsername(), responsible, rs.getString("handled_by"), rs.getString("object_type"),
                rs.getString("object_id"));
        boolean showRater = mayKnowRater && !rated;
        String raterName = null;
        String raterPhone = null;
        Long caseId = (Long) rs.getObject("case_id");
        String caseNumber = null;
        String matterName = null;
        if (caseId != null) {
            var c = cases.rated(caseId).orElse(null);
            if (c != null) {
                caseNumber = rated ? null : c.caseNumber(); // the case would name its applicant: not for the rated
                matterName = c.matterName();
                if (showRater && rs.getObject("rater_account_id") != null) {
                    raterName = c.applicantName();
                    raterPhone = c.applicantPhone() != null ? c.applicantPhone() : applicants
                            .profile(rs.getLong("rater_account_id")).map(p -> p.phone()).orElse(null);
                }
            }
        }
        if (showRater && rs.getString("rater_phone") != null) {
            raterName = rs.getString("rater_name");
            raterPhone = rs.getString("rater_phone");
        }
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        String state = rs.getString("state");
        boolean open = !"CLOSED".equals(state) && !"EXCLUDED".equals(state);
        List<Event> told = rated ? history.stream().map(e -> "CALLED_BACK".equals(e.kind())
                ? new Event(e.kind(), e.actor(), null, e.at()) : e).toList() : history;
        return new Item(rs.getLong("id"), state, rs.getString("classification"), level, l.name(), reasons,
                rs.getString("comment"), rs.getString("object_type"), rs.getString("object_id"), rs.getString("channel"),
                rated ? null : caseId, caseNumber, matterName, rs.getString("step"), responsible, due, open && today.isAfter(due),
                rs.getTimestamp("warned_at") != null, rs.getTimestamp("escalated_at") != null,
                rs.getTimestamp("opened_at").toInstant(), rs.getBoolean("named"), raterName, raterPhone,
                rs.getString("verification"), rs.getString("ledger"), rs.getString("action"),
                rs.getString("callback_result"), rated ? null : rs.getString("callback_note"),
                rs.getObject("closed_on", LocalDate.class), rs.getBoolean("excluded"), rs.getString("excluded_reason"),
                told);
    }

    /** Whether the user is the rated staff member: responsible, the handler of the rated step, or the rated person. */
    private static boolean rated(String user, String responsible, String handledBy, String objectType, String objectId) {
        return user.equals(responsible) || user.equals(handledBy) || "STAFF".equals(objectType) && user.equals(objectId);
    }

    /** The rated staff of a rectification may verify, classify, call back or decide nothing about it. */
    private void notRated(long id, AccountPrincipal me, String action) {
        Map<String, Object> r = jdbc.sql("""
                select x.responsible, r.handled_by, r.object_type, r.object_id, x.region_id from oneseal.rectification x
                join oneseal.rating r on r.id = x.rating_id where x.id = :id""").param("id", id).query().singleRow();
        if (rated(me.getUsername(), (String) r.get("responsible"), (String) r.get("handled_by"),
                (String) r.get("object_type"), (String) r.get("object_id"))) {
            audit.recordIndependently(AuditRecord.of(action, "Rectification", id).outcome(AuditOutcome.DENIED)
                    .region(((Number) r.get("region_id")).longValue()).reason("the rated staff member"));
            throw new BusinessRuleViolation("evaluation.own-review", messages.text("evaluation.rectification.own"));
        }
    }
}
