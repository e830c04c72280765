package org.oneseal.complaint;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.identity.RegionManagement;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 办不成事: the closed loop of a complaint — receive (window, QR code, online; anonymous reports get a tracking code)
 * → assign (the first matching routing rule names the coordinator; re-run when the facts change) → coordinate and
 * chase the responsible offices, each with a deadline → answer (resolved, or explained with the reason and the way
 * forward) → call back → close. Deadlines in working days: an answer within 3 when it truly cannot be done, a
 * resolution within 5 when it should have been done, a hard case's deadline and named coordinator set by the chief.
 * Every step is a row of the append-only history and audited.
 */
@Service
public class Complaints {

    static final Set<String> CATEGORIES = Set.of("REFUSED_WITHOUT_BASIS", "BACK_AND_FORTH", "NO_OFFICE",
            "POLICY_CONFLICT", "MISSING_HISTORIC_DOCUMENTS", "SYSTEM_FAILURE", "OTHER");
    static final Set<String> KINDS = Set.of("CANNOT_BE_DONE", "SHOULD_BE_DONE", "HARD");
    static final Set<String> CALLBACK_RESULTS = Set.of("SATISFIED", "BASICALLY", "UNSATISFIED", "UNREACHABLE");
    private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final Set<String> OPEN = Set.of("ASSIGNED", "UNASSIGNED", "COORDINATING");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ComplaintRouting routing;
    private final WorkingDayCalendar calendar;
    private final RegionManagement regions;
    private final OrganisationManagement organisation;
    private final MatterCatalogue matters;
    private final ComplaintMessages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final int answerDays;
    private final int resolveDays;
    private final SecureRandom random = new SecureRandom();
    private final org.oneseal.identity.ApplicantDirectory applicants;

    Complaints(JdbcClient jdbc, CurrentUser currentUser, ComplaintRouting routing, WorkingDayCalendar calendar,
            RegionManagement regions, OrganisationManagement organisation, MatterCatalogue matters,
            ComplaintMessages messages, AuditLog audit, Clock clock,
            org.oneseal.identity.ApplicantDirectory applicants,
            @Value("${oneseal.complaint.answer-days:3}") int answerDays,
            @Value("${oneseal.complaint.resolve-days:5}") int resolveDays) {
        if (answerDays < 1 || resolveDays < 1 || answerDays > 30 || resolveDays > 30) {
            throw new IllegalStateException("oneseal.complaint.answer-days and resolve-days must be 1–30 working days");
        }
        this.applicants = applicants;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.routing = routing;
        this.calendar = calendar;
        this.regions = regions;
        this.organisation = organisation;
        this.matters = matters;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.answerDays = answerDays;
        this.resolveDays = resolveDays;
    }

    /** What a reporter says. The name and phone are optional (an anonymous report is followed by its code). */
    public record Report(Long regionId, String category, String description, Long matterId, String name,
                         String phone) {
    }

    /** The answer to a report: its tracking code. */
    public record Received(long id, String trackingCode, LocalDate dueOn) {
    }

    /** A complaint as staff see it. */
    public record Item(long id, String trackingCode, String channel, String state, String kind, String category,
                       String description, long regionId, Long departmentId, Long matterId, String matterName,
                       String reporterName, String reporterPhone, boolean anonymous, String coordinator,
                       LocalDate dueOn, boolean overdue, boolean escalated, String outcome, String answer,
                       String wayForward, String callbackResult, String callbackNote, Instant receivedAt,
                       String receivedBy, List<Chase> chases, List<Event> history) {
    }

    /** An office chased, with its deadline and reply. */
    public record Chase(long id, long officeId, String officeName, String request, LocalDate dueOn, String reply,
                        Instant repliedAt, boolean overdue) {
    }

    /** One step of the history. */
    public record Event(String kind, String actor, String note, Instant at) {
    }

    // ------------------------------------------------------------------------------------------ receiving

    /**
     * A report from the portal or the hall's QR page: anyone, signed in or not (a signed-in citizen's or enterprise's
     * account is kept, so that the report shows under their account too).
     */
    @Transactional
    public Received report(Report r, boolean byQrCode) {
        Long account = currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF)
                .map(AccountPrincipal::accountId).orElse(null);
        return receive(r, byQrCode ? "QR" : "ONLINE", account, null);
    }

    /** A report taken at the window by staff (in their scope). */
    @Transactional
    @PreAuthorize("hasAuthority('complaint:receive')")
    public Received receiveAtWindow(Report r) {
        if (r.regionId() != null && !currentUser.scope().covers(r.regionId())) {
            throw InvalidInputException.of("regionId", messages.text("complaint.region.scope"));
        }
        return receive(r, "WINDOW", null, currentUser.principal().orElseThrow().getUsername());
    }

    private Received receive(Report r, String channel, Long account, String receivedBy) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (r.regionId() == null || regions.all().stream().noneMatch(x -> x.id() == r.regionId())) {
            errors.add("regionId", messages.text("complaint.region.required"));
        }
        if (r.category() == null || !CATEGORIES.contains(r.category())) {
            errors.add("category", messages.text("complaint.category.required"));
        }
        if (r.description() == null || r.description().strip().length() < 10 || r.description().length() > 2000) {
            errors.add("description", messages.text("complaint.description.size"));
        }
        Long department = null;
        if (r.matterId() != null) {
            var matter = matters.currentPublished(r.matterId());
            if (matter.isEmpty()) {
                errors.add("matterId", messages.text("complaint.matter.unknown"));
            } else {
                department = matter.get().departmentId();
            }
        }
        if (r.name() != null && r.name().length() > 60) {
            errors.add("name", messages.text("complaint.name.size"));
        }
        String phone = org.oneseal.shared.PhoneNumbers.normalised(r.phone()).orElse(null);
        if (org.oneseal.shared.PhoneNumbers.given(r.phone()) && phone == null) {
            errors.add("phone", messages.text("complaint.phone.format"));
        }
        errors.throwIfAny();
        String code = trackingCode();
        Instant now = clock.instant();
        LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), answerDays);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.complaint (tracking_code, channel, reporter_account_id, reporter_name, reporter_phone,
                    region_id, department_id, matter_id, category, description, state, due_on, received_by, received_at)
                values (:code, :channel, :account, :name, :phone, :region, :department, :matter, :category, :description,
                    'UNASSIGNED', :due, :by, :at)""")
                .param("code", code).param("channel", channel).param("account", account)
                .param("name", r.name() == null || r.name().isBlank() ? null : r.name().strip()).param("phone", phone)
                .param("region", r.regionId()).param("department", department).param("matter", r.matterId())
                .param("category", r.category()).param("description", r.description().strip()).param("due", due)
                .param("by", receivedBy).param("at", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        event(id, "RECEIVED", receivedBy, channel);
        routing.route(id, receivedBy);
        audit.record(AuditRecord.of("complaint.receive", "Complaint", id).region(r.regionId())
                .reason(channel + " " + r.category()));
        return new Received(id, code, due);
    }

    private String trackingCode() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    // ------------------------------------------------------------------------------------------ following

    /** What the reporter sees by the tracking code: progress and the answer, no staff names. Empty if unknown. */
    public record Tracking(String trackingCode, String state, String category, LocalDate dueOn, Instant receivedAt,
                           String outcome, String answer, String wayForward, List<Event> history) {
    }

    @Transactional(readOnly = true)
    public Optional<Tracking> track(String code) {
        if (code == null || !code.strip().toUpperCase().matches("[A-Z0-9]{10}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from oneseal.complaint where tracking_code = :c").param("c", code.strip().toUpperCase())
                .query((rs, n) -> new Tracking(rs.getString("tracking_code"), rs.getString("state"),
                        rs.getString("category"), rs.getObject("due_on", LocalDate.class),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("outcome"), rs.getString("answer"),
                        rs.getString("way_forward"), history(rs.getLong("id")).stream()
                                .filter(e -> !Set.of("RULE_ASSIGNED", "REROUTED").contains(e.kind()))
                                .map(e -> new Event(e.kind(), null, null, e.at())).toList()))
                .optional();
    }

    /** The signed-in reporter's own complaints, newest first. */
    @Transactional(readOnly = true)
    public List<Tracking> mine() {
        long me = currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF).map(AccountPrincipal::accountId)
                .orElseThrow(() -> new AccessDeniedException("reporters only"));
        return jdbc.sql("select tracking_code from oneseal.complaint where reporter_account_id = :me order by id desc limit 100")
                .param("me", me).query(String.class).list().stream().map(c -> track(c).orElseThrow()).toList();
    }

    // ------------------------------------------------------------------------------------------ staff views

    /** The complaints the caller works on: a chief's region, or those they coordinate; OPEN, CLOSED or ALL. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('complaint:handle', 'complaint:read')")
    public List<Item> list(String state) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        DataScope scope = currentUser.scope();
        String who = has("complaint:manage") || has("complaint:read") ? "true" : "c.coordinator = :me";
        String states = switch (state == null ? "OPEN" : state) {
            case "CLOSED" -> "c.state = 'CLOSED'";
            case "ALL" -> "true";
            default -> "c.state <> 'CLOSED'";
        };
        return scope.bind(jdbc.sql("select c.id from oneseal.complaint c where " + scope.condition("c.region_id")
                        + " and " + who + " and " + states + " order by c.due_on, c.id limit 300"))
                .param("me", me.getUsername()).query(Long.class).list().stream().map(this::load).toList();
    }

    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAnyAuthority('complaint:handle', 'complaint:read')")
    public Item get(long id) {
        return visible(id);
    }

    // ------------------------------------------------------------------------------------------ handling

    /**
     * Triage by the coordinator or a chief: CANNOT_BE_DONE (answer within the answer days), SHOULD_BE_DONE (resolve
     * within the resolve days), HARD — a chief only: a named coordinator of the region and a deadline.
     */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('complaint:handle')")
    public Item triage(long id, String kind, String coordinator, LocalDate deadline) {
        Item c = handled(id);
        requireOpen(c);
        if ("HARD".equals(c.kind()) && !has("complaint:manage")) {
            throw new AccessDeniedException("a hard case's coordinator and deadline are the chief's");
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (kind == null || !KINDS.contains(kind)) {
            errors.add("kind", messages.text("complaint.kind.required"));
        }
        LocalDate received = LocalDate.ofInstant(c.receivedAt(), clock.getZone());
        LocalDate due = "SHOULD_BE_DONE".equals(kind) ? calendar.addWorkingDays(received, resolveDays)
                : calendar.addWorkingDays(received, answerDays);
        String named = c.coordinator();
        if ("HARD".equals(kind)) {
            if (!has("complaint:manage")) {
                throw new AccessDeniedException("a chief names the coordinator of a hard case");
            }
            named = coordinator == null ? null : coordinator.strip();
            if (!routing.fitsAsCoordinator(named, c.regionId())) {
                errors.add("coordinator", messages.text("complaint.coordinator.unknown"));
            }
            if (deadline == null || !deadline.isAfter(LocalDate.now(clock))) {
                errors.add("deadline", messages.text("complaint.deadline.future"));
            } else {
                due = deadline;
            }
        }
        errors.throwIfAny();
        String me = currentUser.principal().orElseThrow().getUsername();
        jdbc.sql("""
                update oneseal.complaint set kind = :kind, due_on = :due, coordinator = :coordinator,
                    escalated_at = case when :due > due_on then null else escalated_at end,
                    state = case when state = 'UNASSIGNED' then 'ASSIGNED' else state end where id = :id""")
                .param("kind", kind).param("due", due).param("coordinator", named).param("id", id).update();
        event(id, "TRIAGED", me, kind + " " + due + ("HARD".equals(kind) ? " " + named : ""));
        audit.record(AuditRecord.of("complaint.triage", "Complaint", id).region(c.regionId()).reason(kind));
        return load(id);
    }

    /** Corrects the facts (category, matter); routing runs again unless a chief named the coordinator. */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('complaint:handle')")
    public Item correct(long id, String category, Long matterId) {
        Item c = handled(id);
        requireOpen(c);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (category == null || !CATEGORIES.contains(category)) {
            errors.add("category", messages.text("complaint.category.required"));
        }
        Long department = null;
        if (matterId != null) {
            var matter = matters.currentPublished(matterId);
            if (matter.isEmpty()) {
                errors.add("matterId", messages.text("complaint.matter.unknown"));
            } else {
                department = matter.get().departmentId();
            }
        }
        errors.throwIfAny();
        String me = currentUser.principal().orElseThrow().getUsername();
        jdbc.sql("update oneseal.complaint set category = :category, matter_id = :matter, department_id = :department where id = :id")
                .param("category", category).param("matter", matterId).param("department", department).param("id", id)
                .update();
        event(id, "CORRECTED", me, category + (matterId == null ? "" : " matter " + matterId));
        if (!"HARD".equals(c.kind())) {
            routing.route(id, me);
        }
        audit.record(AuditRecord.of("complaint.correct", "Complaint", id).region(c.regionId()));
        return load(id);
    }

    /** Chases a responsible office (an org unit of the complaint's region or above) with a deadline. */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('complaint:handle')")
    public Item chase(long id, Long officeId, String request, Integer workingDays) {
        Item c = handled(id);
        requireOpen(c);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        java.util.Set<Long> upwards = regionAndAbove(c.regionId());
        String office = officeId == null ? null : organisation.list(currentUser.scope(),
                org.oneseal.identity.OrgUnitFilter.none()).stream()
                .filter(u -> u.id() == officeId && u.active() && upwards.contains(u.regionId()))
                .map(u -> u.name()).findFirst().orElse(null);
        if (office == null) {
            errors.add("officeId", messages.text("complaint.office.unknown"));
        }
        if (request == null || request.strip().length() < 4 || request.length() > 1000) {
            errors.add("request", messages.text("complaint.request.size"));
        }
        if (workingDays == null || workingDays < 1 || workingDays > 15) {
            errors.add("workingDays", messages.text("complaint.chase.days"));
        }
        errors.throwIfAny();
        String me = currentUser.principal().orElseThrow().getUsername();
        LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), workingDays);
        jdbc.sql("""
                insert into oneseal.complaint_chase (complaint_id, office_id, request, due_on, chased_by, chased_at)
                values (:id, :office, :request, :due, :me, :at)""")
                .param("id", id).param("office", officeId).param("request", request.strip()).param("due", due)
                .param("me", me).param("at", Timestamp.from(clock.instant())).update();
        jdbc.sql("update oneseal.complaint set state = 'COORDINATING' where id = :id").param("id", id).update();
        event(id, "CHASED", me, office + " · " + due + " · " + request.strip());
        audit.record(AuditRecord.of("complaint.chase", "Complaint", id).region(c.regionId()).reason(office));
        return load(id);
    }

    /** Records an office's reply to a chase. */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('complaint:handle')")
    public Item reply(long id, long chaseId, String reply) {
        Item c = handled(id);
        requireOpen(c);
        if (reply == null || reply.strip().length() < 2 || reply.length() > 1000) {
            throw InvalidInputException.of("reply", messages.text("complaint.reply.size"));
        }
        int n = jdbc.sql("""
                update oneseal.complaint_chase set reply = :reply, replied_at = :at
                where id = :chase and complaint_id = :id and reply is null""")
                .param("reply", reply.strip()).param("at", Timestamp.from(clock.instant())).param("chase", chaseId)
                .param("id", id).update();
        if (n == 0) {
            throw new BusinessRuleViolation("complaint.reply", messages.text("complaint.reply.none"));
        }
        event(id, "OFFICE_REPLIED", currentUser.principal().orElseThrow().getUsername(), reply.strip());
        return load(id);
    }

    /** The answer: RESOLVED, or EXPLAINED with the reason and the way forward. */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('complaint:handle')")
    public Item answer(long id, String outcome, String answer, String wayForward) {
        Item c = handled(id);
        requireOpen(c);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (!"RESOLVED".equals(outcome) && !"EXPLAINED".equals(outcome)) {
            errors.add("outcome", messages.text("complaint.outcome.required"));
        }
        if (answer == null || answer.strip().length() < 4 || answer.length() > 2000) {
            errors.add("answer", messages.text("complaint.answer.size"));
        }
        if ("EXPLAINED".equals(outcome) && (wayForward == null || wayForward.strip().length() < 4
                || wayForward.length() > 1000)) {
            errors.add("wayForward", messages.text("complaint.wayForward.required"));
        }
        errors.throwIfAny();
        String me = currentUser.principal().orElseThrow().getUsername();
        jdbc.sql("""
                update oneseal.complaint set state = 'ANSWERED', outcome = :outcome, answer = :answer,
                    way_forward = :way, answered_at = :at where id = :id""")
                .param("outcome", outcome).param("answer", answer.strip())
                .param("way", wayForward == null || wayForward.isBlank() ? null : wayForward.strip())
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        event(id, "ANSWERED", me, outcome);
        audit.record(AuditRecord.of("complaint.answer", "Complaint", id).region(c.regionId()).reason(outcome));
        return load(id);
    }

    /** The callback of the reporter, after the answer. */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('complaint:handle')")
    public Item callback(long id, String result, String note) {
        Item c = handled(id);
        if (!"ANSWERED".equals(c.state())) {
            throw new BusinessRuleViolation("complaint.state", messages.text("complaint.callback.notAnswered"));
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (result == null || !CALLBACK_RESULTS.contains(result)) {
            errors.add("result", messages.text("complaint.callback.result"));
        }
        if (note != null && note.length() > 500) {
            errors.add("note", messages.text("complaint.note.size"));
        }
        errors.throwIfAny();
        String me = currentUser.principal().orElseThrow().getUsername();
        jdbc.sql("""
                update oneseal.complaint set state = 'CALLED_BACK', callback_result = :result, callback_note = :note,
                    called_back_at = :at where id = :id""")
                .param("result", result).param("note", note == null || note.isBlank() ? null : note.strip())
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        event(id, "CALLED_BACK", me, result);
        audit.record(AuditRecord.of("complaint.callback", "Complaint", id).region(c.regionId()).reason(result));
        return load(id);
    }

    /** Closes it: answered, and called back unless the reporter left no way to reach them. */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class, BusinessRuleViolation.class})
    @PreAuthorize("hasAuthority('complaint:handle')")
    public Item close(long id) {
        Item c = handled(id);
        boolean reachable = !c.anonymous();
        boolean ready = "CALLED_BACK".equals(c.state()) || "ANSWERED".equals(c.state()) && !reachable;
        if (!ready) {
            audit.record(AuditRecord.of("complaint.close", "Complaint", id).outcome(AuditOutcome.FAILURE)
                    .region(c.regionId()).reason("closing without " + ("ANSWERED".equals(c.state()) ? "callback" : "answer")));
            throw InvalidInputException.of("close", messages.text("ANSWERED".equals(c.state())
                    ? "complaint.close.noCallback" : "complaint.close.noAnswer"));
        }
        String me = currentUser.principal().orElseThrow().getUsername();
        jdbc.sql("update oneseal.complaint set state = 'CLOSED', closed_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        event(id, "CLOSED", me, null);
        audit.record(AuditRecord.of("complaint.close", "Complaint", id).region(c.regionId()));
        return load(id);
    }

    // ------------------------------------------------------------------------------------------ internals

    /** A region and the regions above it (a county's complaint may chase the county's and the city's offices). */
    java.util.Set<Long> regionAndAbove(long regionId) {
        var all = regions.all();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        Long at = regionId;
        while (at != null && ids.add(at)) {
            long current = at;
            at = all.stream().filter(r -> r.id() == current).findFirst().map(r -> r.parentId()).orElse(null);
        }
        return ids;
    }

    private boolean has(String authority) {
        return currentUser.principal().map(p -> p.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(authority))).orElse(false);
    }

    /** The complaint if the caller may see it: in scope, and a chief's or a leader's, or coordinated by the caller. */
    private Item visible(long id) {
        Long region = jdbc.sql("select region_id from oneseal.complaint where id = :id").param("id", id)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("complaint " + id));
        if (!currentUser.scope().covers(region)) {
            audit.recordIndependently(AuditRecord.of("complaint.read", "Complaint", id).outcome(AuditOutcome.DENIED)
                    .region(region).reason("outside data scope"));
            throw new NotFoundException("complaint " + id);
        }
        Item item = load(id);
        String me = currentUser.principal().orElseThrow().getUsername();
        if (!has("complaint:manage") && !has("complaint:read") && !me.equals(item.coordinator())) {
            throw new NotFoundException("complaint " + id);
        }
        return item;
    }

    /** The complaint, locked, for its coordinator or a chief of its region. */
    private Item handled(long id) {
        jdbc.sql("select id from oneseal.complaint where id = :id for update").param("id", id).query(Long.class).optional();
        Item item = visible(id);
        String me = currentUser.principal().orElseThrow().getUsername();
        if (!has("complaint:manage") && !me.equals(item.coordinator())) {
            throw new AccessDeniedException("the coordinator or a chief handles a complaint");
        }
        return item;
    }

    private void requireOpen(Item c) {
        if (!OPEN.contains(c.state())) {
            throw new BusinessRuleViolation("complaint.state", messages.text("complaint.state.closed",
                    messages.text("complaint.state." + c.state())));
        }
    }

    void event(long id, String kind, String actor, String note) {
        jdbc.sql("""
                insert into oneseal.complaint_event (complaint_id, kind, actor, note, at)
                values (:id, :kind, :actor, :note, :at)""")
                .param("id", id).param("kind", kind).param("actor", actor)
                .param("note", note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private List<Event> history(long id) {
        return jdbc.sql("select kind, actor, note, at from oneseal.complaint_event where complaint_id = :id order by id")
                .param("id", id).query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    Item load(long id) {
        LocalDate today = LocalDate.now(clock);
        var units = organisation.unitNames();
        List<Chase> chases = jdbc.sql("select * from oneseal.complaint_chase where complaint_id = :id order by id")
                .param("id", id).query((rs, n) -> new Chase(rs.getLong("id"), rs.getLong("office_id"),
                        units.getOrDefault(rs.getLong("office_id"), "?"), rs.getString("request"),
                        rs.getObject("due_on", LocalDate.class), rs.getString("reply"),
                        rs.getTimestamp("replied_at") == null ? null : rs.getTimestamp("replied_at").toInstant(),
                        rs.getString("reply") == null && today.isAfter(rs.getObject("due_on", LocalDate.class))))
                .list();
        List<Event> history = history(id);
        return jdbc.sql("select * from oneseal.complaint where id = :id").param("id", id)
                .query((rs, n) -> item(rs, chases, history, today)).single();
    }

    private Item item(ResultSet rs, List<Chase> chases, List<Event> history, LocalDate today) throws SQLException {
        Long matter = (Long) rs.getObject("matter_id");
        String name = rs.getString("reporter_name");
        String phone = rs.getString("reporter_phone");
        Long account = (Long) rs.getObject("reporter_account_id");
        if (account != null) { // a signed-in reporter: reached through the account's profile
            var profile = applicants.profile(account);
            name = name != null ? name : profile.map(p -> p.name()).orElse(null);
            phone = phone != null ? phone : profile.map(p -> p.phone()).orElse(null);
        }
        // the reporter's contact: for the coordinator (who calls back) and the chiefs, not for every reader
        String me = currentUser.principal().map(p -> p.getUsername()).orElse("");
        boolean mayContact = has("complaint:manage") || me.equals(rs.getString("coordinator"));
        String matterName = matter == null ? null : matters.currentPublished(matter).map(m -> m.name()).orElse(null);
        String state = rs.getString("state");
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        return new Item(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("channel"), state,
                rs.getString("kind"), rs.getString("category"), rs.getString("description"), rs.getLong("region_id"),
                (Long) rs.getObject("department_id"), matter, matterName, mayContact ? name : null,
                mayContact ? phone : null, phone == null && account == null,
                rs.getString("coordinator"), due, OPEN.contains(state) && today.isAfter(due),
                rs.getTimestamp("escalated_at") != null, rs.getString("outcome"), rs.getString("answer"),
                rs.getString("way_forward"), rs.getString("callback_result"), rs.getString("callback_note"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"), chases, history);
    }
}
