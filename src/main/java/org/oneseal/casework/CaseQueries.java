package org.oneseal.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.calendar.WorkingDayCalendar;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.Role;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading cases: a staff member's tasks (their roles, their region, most urgent first), case details in
 * scope, and an applicant's own cases. Cases outside the caller's reach answer "not found".
 */
@Service
public class CaseQueries {

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final CaseTimeline timeline;
    private final CaseMaterials materials;
    private final CaseViews views;
    private final CurrentUser currentUser;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    private final DeferredMaterials deferred;
    private final TongbanStore tongban;

    CaseQueries(TongbanStore tongban, JdbcClient jdbc, CaseRepository cases, CaseTimeline timeline, CaseMaterials materials, CaseViews views,
            CurrentUser currentUser, WorkingDayCalendar calendar, AuditLog audit, DeferredMaterials deferred,
            Clock clock) {
        this.deferred = deferred;
        this.tongban = tongban;
        this.jdbc = jdbc;
        this.cases = cases;
        this.timeline = timeline;
        this.materials = materials;
        this.views = views;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** My tasks: open cases whose next step belongs to one of my roles, in my region; overdue first, then due date. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('casework:read')")
    public List<WorkItem> myTasks() {
        DataScope scope = currentUser.scope();
        Set<Role> roles = currentUser.principal().map(AccountPrincipal::roles).orElse(Set.of());
        List<String> roleNames = roles.stream().map(Role::name).toList();
        if (roleNames.isEmpty()) {
            return List.of();
        }
        // one index-ordered branch per role (index case_file_worklist_idx), merged: a few hundred rows are
        // read however many cases the region has
        String order = "order by overdue desc, coalesce(promised_due, receipt_due), submitted_at";
        StringBuilder sql = new StringBuilder("select * from (");
        for (int i = 0; i < roleNames.size(); i++) {
            sql.append(i == 0 ? "" : " union all ").append("(select * from oneseal.case_file where concluded_on is null")
                    .append(" and candidate_role = :role").append(i).append(" and ").append(scope.condition("region_id"))
                    .append(' ').append(order).append(" limit 200)");
        }
        if (roleNames.contains(Role.WINDOW_STAFF.name())) {
            // 通办: results the applicant takes at this hall although another region decided them
            sql.append(" union all (select f.* from oneseal.case_file f join oneseal.case_tongban t on t.case_id = f.id")
                    .append(" where f.concluded_on is null and f.current_step = 'deliver' and t.deliver_at = 'RECEIVING'")
                    .append(" and ").append(scope.condition("t.receiving_region_id")).append(" and not (")
                    .append(scope.condition("f.region_id")).append(") limit 200)");
        }
        sql.append(") tasks ").append(order).append(" limit 200");
        JdbcClient.StatementSpec spec = scope.bind(jdbc.sql(sql.toString()));
        for (int i = 0; i < roleNames.size(); i++) {
            spec = spec.param("role" + i, roleNames.get(i));
        }
        return spec.query(CaseRepository::map).list().stream().map(r -> item(new CaseFile(r))).toList();
    }

    /** Figures of my region: open cases now, and cases concluded between {@code from} and {@code to}. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('casework:read')")
    public CaseFigures figures(LocalDate from, LocalDate to) {
        DataScope scope = currentUser.scope();
        LocalDate today = LocalDate.now(clock);
        List<CaseFile> open = scope.bind(jdbc.sql("select * from oneseal.case_file where concluded_on is null and status <> 'DRAFT' and "
                + scope.condition("region_id"))).query(CaseRepository::map).list().stream().map(CaseFile::new).toList();
        List<CaseFile> done = scope.bind(jdbc.sql("""
                select * from oneseal.case_file where concluded_on between :from and :to and accepted_on is not null
                  and %s""".formatted(scope.condition("region_id")))).param("from", from).param("to", to)
                .query(CaseRepository::map).list().stream().map(CaseFile::new).toList();
        long warning = open.stream().filter(f -> f.clock().urgency(today, calendar) == CaseClock.Urgency.WARNING).count();
        long overdue = open.stream().filter(f -> f.row().overdue
                || f.clock().urgency(today, calendar) == CaseClock.Urgency.OVERDUE).count();
        long onTime = done.stream().filter(f -> !decidedOn(f).isAfter(f.clock().promisedDue(decidedOn(f), calendar))).count();
        long lateLegal = done.stream().filter(f -> f.clock().lateAgainstLegal(decidedOn(f), calendar)).count();
        long threeTimes = done.stream().filter(f -> f.clock().threeTimesLate(decidedOn(f), calendar)).count();
        return new CaseFigures(open.size(), warning, overdue, done.size(), onTime, lateLegal, threeTimes);
    }

    /** The day the case was decided (the clock stops there); a refusal before acceptance has no clock. */
    private static LocalDate decidedOn(CaseFile f) {
        return f.row().decidedOn != null ? f.row().decidedOn : f.row().concludedOn;
    }

    /** Cases of my region matching the filters, newest first (at most 100). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('casework:read')")
    public List<WorkItem> search(CaseSearch q) {
        DataScope scope = currentUser.scope();
        return scope.bind(jdbc.sql("""
                select * from oneseal.case_file
                where %s and status <> 'DRAFT'
                  and (cast(:number as varchar) is null or case_number = :number)
                  and (cast(:applicant as varchar) is null or applicant_name like :applicant)
                  and (cast(:matter as varchar) is null or matter_name like :matter)
                  and (cast(:status as varchar) is null or status = :status)
                  and (not :overdueOnly or overdue)
                order by submitted_at desc limit 100""".formatted(scope.condition("region_id"))))
                .param("number", blank(q.caseNumber()) ? null : q.caseNumber().strip())
                .param("applicant", like(q.applicant())).param("matter", like(q.matter()))
                .param("status", q.status() == null ? null : q.status().name()).param("overdueOnly", q.overdueOnly())
                .query(CaseRepository::map).list().stream().map(r -> item(new CaseFile(r))).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String like(String s) {
        return blank(s) ? null : "%" + s.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    @PreAuthorize("hasAuthority('casework:read')")
    public CaseDetail detail(long caseId) {
        return detailOf(staffCase(caseId));
    }

    /**
     * Who handled a step of a case (好差评: 谁办理谁负责): RECEPTION — the window that took it in or first acted on it;
     * ACCEPTANCE — who accepted it; CONCLUSION — who concluded it. Empty when nobody has yet.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> handlerOf(long caseId, String step) {
        List<String> kinds = switch (step) {
            case "RECEPTION" -> List.of("SUBMITTED", "ACCEPTED", "CORRECTION_REQUESTED", "REFUSED");
            case "ACCEPTANCE" -> List.of("ACCEPTED");
            case "CONCLUSION" -> List.of("DELIVERED", "REFUSED", "TERMINATED", "NOT_REQUIRED", "FILED");
            default -> List.of();
        };
        if (kinds.isEmpty()) {
            return java.util.Optional.empty();
        }
        String order = "CONCLUSION".equals(step) ? "desc" : "asc";
        String intakeStaff = "RECEPTION".equals(step) ? cases.find(caseId).map(f -> f.row().intakeStaff).orElse(null) : null;
        if (intakeStaff != null) {
            return java.util.Optional.of(intakeStaff);
        }
        return jdbc.sql("select actor from oneseal.case_event where case_id = :id and kind in (:kinds) "
                        + "and actor in (select username from oneseal.account where kind = 'STAFF') order by id "
                        + order + " limit 1")
                .param("id", caseId).param("kinds", kinds.stream().filter(k -> !"SUBMITTED".equals(k)).toList())
                .query(String.class).optional();
    }

    /** A submitted case as 好差评 sees it, by id (no scope: the caller decides who may know of it). */
    @Transactional(readOnly = true)
    public java.util.Optional<RatedCase> rated(long caseId) {
        return ratedWhere("c.id = :key", caseId);
    }

    /** A submitted case as 好差评 sees it, by its number (for ratings entered at the window). */
    @Transactional(readOnly = true)
    public java.util.Optional<RatedCase> ratedByNumber(String caseNumber) {
        return caseNumber == null || caseNumber.isBlank() || caseNumber.length() > 40 ? java.util.Optional.empty()
                : ratedWhere("c.case_number = :key", caseNumber.strip());
    }

    /**
     * The numbers and matter names of submitted cases by id, in one statement for a whole chunk of records (no scope:
     * the caller decides who may know of them); an id that is no submitted case is left out.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, CaseLabel> labels(java.util.Collection<Long> caseIds) {
        java.util.Map<Long, CaseLabel> labels = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return labels;
        }
        jdbc.sql("""
                select id, case_number, matter_name from oneseal.case_file
                where id = any(:ids) and status <> 'DRAFT'""")
                .param("ids", caseIds.stream().distinct().toArray(Long[]::new))
                .query(rs -> {
                    labels.put(rs.getLong("id"), new CaseLabel(rs.getLong("id"), rs.getString("case_number"),
                            rs.getString("matter_name")));
                });
        return labels;
    }

    /** Cases concluded in [from, to] whose applicant has an account: the candidates for a rating invitation. */
    @Transactional(readOnly = true)
    public List<Long> concludedWithAccount(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select id from oneseal.case_file where concluded_on between :from and :to
                and applicant_account_id is not null order by id""")
                .param("from", from).param("to", to).query(Long.class).list();
    }

    private java.util.Optional<RatedCase> ratedWhere(String condition, Object key) {
        return jdbc.sql("""
                select c.id, c.case_number, c.matter_name, c.status, c.region_id, c.department_id, c.matter_id,
                       c.applicant_account_id, c.applicant_name, c.applicant_phone, c.accepted_on, c.concluded_on,
                       array(select distinct e.actor from oneseal.case_event e where e.case_id = c.id
                             and e.actor in (select username from oneseal.account where kind = 'STAFF')) as staff,
                       c.intake_staff
                from oneseal.case_file c where c.status <> 'DRAFT' and""" + " " + condition)
                .param("key", key)
                .query((rs, n) -> {
                    Set<String> staff = new java.util.TreeSet<>(List.of((String[]) rs.getArray("staff").getArray()));
                    if (rs.getString("intake_staff") != null) {
                        staff.add(rs.getString("intake_staff"));
                    }
                    return new RatedCase(rs.getLong("id"), rs.getString("case_number"), rs.getString("matter_name"),
                            CaseStatus.valueOf(rs.getString("status")), rs.getLong("region_id"), rs.getLong("department_id"), rs.getLong("matter_id"),
                            (Long) rs.getObject("applicant_account_id"), rs.getString("applicant_name"),
                            rs.getString("applicant_phone"), rs.getObject("accepted_on", LocalDate.class),
                            rs.getObject("concluded_on", LocalDate.class), Set.copyOf(staff));
                }).optional();
    }

    /** Whether the case is a member of a 一件事 application. */
    @Transactional(readOnly = true)
    public boolean inBundle(long caseId) {
        return timeline.bundleOf(caseId) != null;
    }

    /**
     * A case a staff member may see: submitted (drafts belong to the applicant alone), in scope, and the caller
     * handles cases; otherwise "not found" and, for another region, an audit entry.
     */
    private CaseFile staffCase(long caseId) {
        boolean handlesCases = currentUser.principal().map(p -> p.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("casework:read"))).orElse(false);
        if (!handlesCases) {
            throw new AccessDeniedException("casework:read required");
        }
        CaseFile file = cases.find(caseId).filter(f -> f.status() != CaseStatus.DRAFT)
                .orElseThrow(() -> CaseIntake.notFound(caseId));
        boolean receivedHere = tongban.of(caseId).map(TongbanView::receivingRegionId)
                .filter(r -> currentUser.scope().covers(r)).isPresent(); // 通办: the receiving office sees it too
        if (!currentUser.scope().covers(file.row().regionId) && !receivedHere) {
            audit.recordIndependently(AuditRecord.of("casework.case.read", "Case", caseId)
                    .outcome(AuditOutcome.DENIED).region(file.row().regionId).reason("outside data scope"));
            throw CaseIntake.notFound(caseId);
        }
        return file;
    }

    /** The signed-in applicant's cases, newest first. */
    @Transactional(readOnly = true)
    public List<CaseView> myCases() {
        long me = applicantId();
        return jdbc.sql("select * from oneseal.case_file where applicant_account_id = :me order by submitted_at desc limit 200")
                .param("me", me).query(CaseRepository::map).list().stream().map(r -> views.of(new CaseFile(r))).toList();
    }

    /** What the applicant is told: status moves, not internal assignments or staff names. */
    static final Set<String> APPLICANT_EVENTS = Set.of("SUBMITTED", "CORRECTION_REQUESTED", "CORRECTION_SUBMITTED",
            "ACCEPTED", "REFUSED", "GRANTED", "DENIED", "DELIVERED", "FILED", "TERMINATED", "NOT_REQUIRED", "COMMITMENT_FALSE", "COMMITMENT_SIGNED", "COMMITMENT_VERIFIED", "FORWARDED", "BUNDLE_CORRECTION_REQUESTED", "BUNDLE_APPLIED", "MATERIAL_DEFERRED",
            "DEFERRED_MATERIAL_SUPPLIED", "DEFERRED_MATERIAL_REMINDER", "DEFERRED_MATERIAL_OVERDUE", "EXTENDED", "SPECIAL_PROCEDURE_STARTED",
            "SPECIAL_PROCEDURE_ENDED");

    @Transactional(readOnly = true)
    public CaseDetail myCase(long caseId) {
        CaseDetail full = detailOf(ownCase(caseId));
        List<CaseEventView> told = full.timeline().stream().filter(e -> APPLICANT_EVENTS.contains(e.kind()))
                .map(e -> new CaseEventView(e.at(), null, e.actingFor(), e.kind(), e.status(), e.reason())).toList();
        CaseView s = full.summary();
        CaseView summary = new CaseView(s.id(), s.caseNumber(), s.matterId(), s.matterVersionId(), s.matterName(),
                s.regionId(), s.applicantKind(), s.applicantName(), s.applicantIdentifier(), s.channel(), s.status(),
                null, null, null, s.submittedAt(), s.acceptedOn(), s.promisedDue(), s.legalDue(), s.promisedDays(),
                s.legalDays(), s.extended(), s.paused(), s.urgency(), s.concludedOn(), s.licenceId(),
                s.decisionDocumentId());
        TongbanView t = full.tongban(); // the applicant is not told staff names
        return new CaseDetail(summary, told, full.openDeficiencies(), full.materials(), full.deferredMaterials(),
                t == null ? null : new TongbanView(t.mode(), t.receivingRegionId(), null, null, t.deliverAt()));
    }

    /** A submitted file, for a staff member who handles cases in scope, or the applicant who owns the case. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public CaseMaterials.StoredFile file(long caseId, long materialId) {
        boolean staff = currentUser.principal().map(p -> p.kind() == AccountKind.STAFF).orElse(false);
        CaseFile file = staff ? staffCase(caseId) : ownCase(caseId);
        return materials.file(file.id(), materialId).orElseThrow(() -> new NotFoundException("material " + materialId));
    }

    CaseFile ownCase(long caseId) {
        long me = applicantId();
        return cases.find(caseId).filter(f -> f.row().applicantAccountId != null && f.row().applicantAccountId == me)
                .orElseThrow(() -> CaseIntake.notFound(caseId));
    }

    private long applicantId() {
        return currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF).map(AccountPrincipal::accountId)
                .orElseThrow(() -> new AccessDeniedException("applicants only"));
    }

    private CaseDetail detailOf(CaseFile file) {
        return new CaseDetail(views.of(file), timeline.of(file.id()), timeline.openDeficiencies(file.id()),
                materials.current(file.id()), deferred.of(file.id()), tongban.of(file.id()).orElse(null));
    }

    private WorkItem item(CaseFile file) {
        CaseView v = views.of(file);
        LocalDate today = LocalDate.now(clock);
        CaseFile.CaseRow r = file.row();
        boolean receiptLate = r.status == CaseStatus.SUBMITTED && r.receiptDue != null && today.isAfter(r.receiptDue);
        LocalDate due = r.status == CaseStatus.SUBMITTED ? r.receiptDue : v.promisedDue();
        return new WorkItem(v.id(), v.caseNumber(), v.matterName(), v.applicantName(), v.status(), v.currentStep(),
                v.candidateRole(), v.assignee(), due, r.overdue || receiptLate
                        || file.clock().urgency(today, calendar) == CaseClock.Urgency.OVERDUE,
                v.urgency(), v.regionId());
    }
}
