package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.ApplicantDirectory;
import org.oneseal.identity.ApplicantProfile;
import org.oneseal.identity.CurrentUser;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 帮办代办: a window staff member records a mandate from an applicant present at the window (identified by ID card
 * number or credit code and name) — which matter, what for, until when (at most 90 days) — and then applies for the
 * matter on the applicant's behalf: the case is the applicant's, and its timeline and the audit log carry both names
 * (actor: the staff member; acting for: the applicant). Under the mandate the staff member also takes the
 * applicant's later steps on the applicant's cases of that matter — answers a correction notice (补正) and hands in
 * deferred materials (容缺后补) — through the same code as the applicant, with both names kept the same way. The
 * applicant sees their mandates and may end one at any time; an ended or expired mandate, or a case of another
 * applicant or matter, allows nothing (refused, nothing changed, audited). Free of charge; counted.
 */
@Service
public class AgentMandates {

    static final int MAX_DAYS = 90;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApplicantDirectory applicants;
    private final MatterCatalogue catalogue;
    private final CaseIntake intake;
    private final CaseCorrection correction;
    private final CaseDeferrals deferrals;
    private final CaseRepository cases;
    private final CaseTimeline timeline;
    private final CaseViews views;
    private final CaseworkMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    AgentMandates(JdbcClient jdbc, CurrentUser currentUser, ApplicantDirectory applicants, MatterCatalogue catalogue,
            CaseIntake intake, CaseCorrection correction, CaseDeferrals deferrals, CaseRepository cases,
            CaseTimeline timeline, CaseViews views, CaseworkMessages messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.applicants = applicants;
        this.catalogue = catalogue;
        this.intake = intake;
        this.correction = correction;
        this.deferrals = deferrals;
        this.cases = cases;
        this.timeline = timeline;
        this.views = views;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the staff member records. */
    public record MandateRequest(String applicantIdentifier, String applicantName, Long matterId, String purpose,
                                 LocalDate validUntil) {
    }

    /**
     * A mandate as both sides see it.
     *
     * @param caseId the case applied for under it, or null
     * @param cases  the cases handled under it: applied for, or a later step taken for the applicant (oldest first)
     */
    public record Mandate(long id, String staff, long applicantAccountId, String applicantName, long matterId,
                          String matterName, long regionId, String purpose, LocalDate validUntil, Instant createdAt,
                          Instant endedAt, String endedBy, Long caseId, boolean active, List<CaseRef> cases) {
    }

    /** A case handled under a mandate. */
    public record CaseRef(long id, String caseNumber, CaseStatus status) {
    }

    /**
     * A case of the mandate's applicant and matter in the staff member's scope, and what the applicant has to do on
     * it — which the staff member may do for them while the mandate is active.
     *
     * @param handledUnderMandate whether something was done on it under this mandate
     * @param awaitsCorrection    a correction notice waits for the answer (补正)
     * @param awaitsMaterials     deferred materials are still to be handed in (容缺后补)
     */
    public record MandateCase(CaseView summary, boolean handledUnderMandate, boolean awaitsCorrection,
                              List<Deficiency> openDeficiencies, boolean awaitsMaterials,
                              List<DeferredMaterialView> missingMaterials) {
    }

    /** A mandate with the cases it reaches, newest first: the staff member's view of what to do under it. */
    public record MandateWork(Mandate mandate, List<MandateCase> cases) {
    }

    @Transactional
    @PreAuthorize("hasAuthority('casework:intake')")
    public Mandate grant(MandateRequest r) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        ApplicantProfile applicant = r.applicantIdentifier() == null ? null
                : applicants.byIdentifier(r.applicantIdentifier().strip()).orElse(null);
        if (applicant == null) {
            errors.add("applicantIdentifier", messages.text("casework.applicant.unknown"));
        } else if (r.applicantName() == null || !applicant.name().equals(r.applicantName().strip())) {
            errors.add("applicantName", messages.text("casework.applicant.nameMismatch"));
        }
        MatterVersionView matter = r.matterId() == null ? null : catalogue.currentPublished(r.matterId()).orElse(null);
        if (matter == null || !currentUser.scope().covers(matter.regionId())) {
            errors.add("matterId", messages.text("casework.mandate.matter"));
        }
        if (applicant != null && matter != null && currentUser.scope().covers(matter.regionId())) {
            // one active mandate per staff member, applicant and matter: what is done under it is then its own
            jdbc.sql("""
                    select valid_until from oneseal.agent_mandate where staff = :staff
                      and applicant_account_id = :applicant and matter_id = :matter and ended_at is null
                      and valid_until >= :today order by valid_until desc limit 1""")
                    .param("staff", me.getUsername()).param("applicant", applicant.accountId())
                    .param("matter", matter.matterId()).param("today", LocalDate.now(clock))
                    .query(LocalDate.class).optional()
                    .ifPresent(until -> errors.add("matterId", messages.text("casework.mandate.duplicate", until)));
        }
        if (r.purpose() == null || r.purpose().strip().length() < 2 || r.purpose().length() > 200) {
            errors.add("purpose", messages.text("casework.mandate.purpose"));
        }
        LocalDate today = LocalDate.now(clock);
        if (r.validUntil() == null || r.validUntil().isBefore(today) || r.validUntil().isAfter(today.plusDays(MAX_DAYS))) {
            errors.add("validUntil", messages.text("casework.mandate.validUntil", MAX_DAYS));
        }
        errors.throwIfAny();
        long id = jdbc.sql("""
                insert into oneseal.agent_mandate (staff, applicant_account_id, matter_id, region_id, purpose, valid_until,
                    created_at) values (:staff, :applicant, :matter, :region, :purpose, :until, :at) returning id""")
                .param("staff", me.getUsername()).param("applicant", applicant.accountId()).param("matter", matter.matterId())
                .param("region", matter.regionId()).param("purpose", r.purpose().strip()).param("until", r.validUntil())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(AuditRecord.of("casework.mandate.grant", "AgentMandate", id).actingFor(applicant.name())
                .region(matter.regionId()).reason(matter.name() + " until " + r.validUntil()));
        return load(id);
    }

    /**
     * Applies for the mandate's matter on the applicant's behalf: the case is the applicant's; its submission shows
     * the staff member acting for the applicant, in the timeline and the audit log.
     */
    @Transactional
    @PreAuthorize("hasAuthority('casework:intake')")
    public CaseView apply(long mandateId, String phone, List<SubmittedFile> files) {
        Mandate m = usable(mandateId, "apply");
        MatterVersionView matter = catalogue.currentPublished(m.matterId())
                .orElseThrow(() -> InvalidInputException.of("matterId", messages.text("casework.mandate.matter")));
        ApplicantProfile applicant = applicants.profile(m.applicantAccountId()).orElseThrow();
        // both names on what was done: the staff member, acting for the applicant
        CaseFile file = intake.open(matter, applicant, phone, "WINDOW", m.staff(), files, m.staff(),
                applicant.name(), CaseDeferrals.Deferral.NONE, CaseCommitments.Choice.NONE);
        jdbc.sql("update oneseal.agent_mandate set case_id = :case where id = :id").param("case", file.id())
                .param("id", mandateId).update();
        audit.record(AuditRecord.of("casework.mandate.apply", "Case", file.id()).actingFor(applicant.name())
                .region(matter.regionId()).reason("under mandate " + mandateId + " (帮办代办, free of charge)"));
        return intake.view(file.id());
    }

    /**
     * 补正 under a mandate: the staff member answers the correction notice of a case of the mandate's applicant and
     * matter for the applicant (the applicant's own code path; the timeline and the audit log carry both names).
     */
    @Transactional
    @PreAuthorize("hasAuthority('casework:intake')")
    public CaseView answerCorrection(long mandateId, long caseId, List<SubmittedFile> files, String note) {
        Mandate m = usable(mandateId, "correction");
        CaseFile file = reachable(m, caseId, "correction");
        CaseView answered = correction.submit(file.id(), files, note, m.staff(), m.applicantName());
        audit.record(AuditRecord.of("casework.mandate.correction", "Case", file.id()).actingFor(m.applicantName())
                .region(file.row().regionId).reason("under mandate " + mandateId + " (帮办代办, free of charge)"));
        return answered;
    }

    /**
     * 容缺后补 under a mandate: the staff member hands in deferred materials of a case of the mandate's applicant
     * and matter for the applicant (the applicant's own code path; the timeline and the audit log carry both names).
     */
    @Transactional
    @PreAuthorize("hasAuthority('casework:intake')")
    public CaseView supplyMaterials(long mandateId, long caseId, List<SubmittedFile> files) {
        Mandate m = usable(mandateId, "deferred materials");
        CaseFile file = reachable(m, caseId, "deferred materials");
        CaseView supplied = deferrals.supply(file.id(), files, m.staff(), m.applicantName());
        audit.record(AuditRecord.of("casework.mandate.supply", "Case", file.id()).actingFor(m.applicantName())
                .region(file.row().regionId).reason("under mandate " + mandateId + " (帮办代办, free of charge)"));
        return supplied;
    }

    /**
     * The caller's own mandate, locked for the move: "not found" when it is not theirs; refused (422) and audited
     * when it allows nothing more.
     */
    private Mandate usable(long mandateId, String use) {
        String me = currentUser.principal().orElseThrow().getUsername();
        Mandate m = jdbc.sql("select id from oneseal.agent_mandate where id = :id and staff = :me for update")
                .param("id", mandateId).param("me", me).query(Long.class).optional().map(this::load)
                .orElseThrow(() -> new NotFoundException("mandate " + mandateId));
        if (!m.active()) {
            boolean ended = m.endedAt() != null;
            deny(m, m.regionId(), (ended ? "mandate ended" : "mandate expired") + " (" + use + ")");
            // say which: ended by the applicant, or past its last day
            throw new BusinessRuleViolation("casework.mandate", ended
                    ? messages.text("casework.mandate.ended", m.applicantName())
                    : messages.text("casework.mandate.expired", m.validUntil()));
        }
        return m;
    }

    /**
     * The case a move under the mandate is for, locked: "not found" unless submitted and in the caller's scope;
     * refused (422) and audited unless it is the mandate's applicant's, for the mandate's matter.
     */
    private CaseFile reachable(Mandate m, long caseId, String use) {
        CaseFile file = cases.lock(caseId).filter(f -> f.status() != CaseStatus.DRAFT)
                .orElseThrow(() -> CaseIntake.notFound(caseId));
        CaseFile.CaseRow r = file.row();
        if (!currentUser.scope().covers(r.regionId)) {
            deny(m, r.regionId, "case " + caseId + " outside data scope (" + use + ")");
            throw CaseIntake.notFound(caseId);
        }
        if (r.applicantAccountId == null || r.applicantAccountId != m.applicantAccountId()) {
            deny(m, r.regionId, "case " + caseId + " is another applicant's (" + use + ")");
            throw new BusinessRuleViolation("casework.mandate",
                    messages.text("casework.mandate.otherApplicant", r.caseNumber, m.applicantName()));
        }
        if (r.matterId != m.matterId()) {
            deny(m, r.regionId, "case " + caseId + " is for another matter (" + use + ")");
            throw new BusinessRuleViolation("casework.mandate",
                    messages.text("casework.mandate.otherMatter", r.caseNumber, m.matterName()));
        }
        return file;
    }

    /** An attempt under a mandate refused: audited whatever becomes of the transaction (it rolls back). */
    private void deny(Mandate m, long regionId, String reason) {
        audit.recordIndependently(AuditRecord.of("casework.mandate.use", "AgentMandate", m.id())
                .outcome(AuditOutcome.DENIED).actingFor(m.applicantName()).region(regionId).reason(reason));
    }

    /** The applicant's mandates, newest first. */
    @Transactional(readOnly = true)
    public List<Mandate> mine() {
        long me = applicant().accountId();
        return jdbc.sql("select id from oneseal.agent_mandate where applicant_account_id = :me order by id desc limit 100")
                .param("me", me).query(Long.class).list().stream().map(this::load).toList();
    }

    /** The staff member's mandates: the active ones first, then those ended or expired; newest first in each. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('casework:intake')")
    public List<Mandate> handledByMe() {
        return jdbc.sql("""
                        select id from oneseal.agent_mandate where staff = :me
                        order by (ended_at is null and valid_until >= :today) desc, id desc limit 100""")
                .param("me", currentUser.principal().orElseThrow().getUsername()).param("today", LocalDate.now(clock))
                .query(Long.class).list().stream().map(this::load).toList();
    }

    /** The staff member's mandates as {@link #handledByMe()}, each with the cases it reaches. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('casework:intake')")
    public List<MandateWork> myWork() {
        return handledByMe().stream().map(this::workOf).toList();
    }

    /** One of the staff member's mandates with the cases it reaches ("not found" when it is not theirs). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('casework:intake')")
    public MandateWork work(long mandateId) {
        return jdbc.sql("select id from oneseal.agent_mandate where id = :id and staff = :me").param("id", mandateId)
                .param("me", currentUser.principal().orElseThrow().getUsername()).query(Long.class).optional()
                .map(this::load).map(this::workOf).orElseThrow(() -> new NotFoundException("mandate " + mandateId));
    }

    /**
     * The applicant's cases of the mandate's matter in the caller's scope, newest first: while the mandate is
     * active all of them (the staff member may act on any), afterwards those handled under it.
     */
    private MandateWork workOf(Mandate m) {
        Set<Long> handled = m.cases().stream().map(CaseRef::id).collect(Collectors.toSet());
        var scope = currentUser.scope();
        List<MandateCase> reached = scope.bind(jdbc.sql("""
                        select * from oneseal.case_file where applicant_account_id = :applicant and matter_id = :matter
                          and status <> 'DRAFT' and""" + " " + scope.condition("region_id") + " order by id desc limit 50"))
                .param("applicant", m.applicantAccountId()).param("matter", m.matterId()).query(CaseRepository::map)
                .list().stream().filter(r -> m.active() || handled.contains(r.id)).map(r -> {
                    boolean correcting = r.status == CaseStatus.CORRECTION_REQUESTED;
                    List<DeferredMaterialView> missing = deferrals.of(r.id).stream()
                            .filter(DeferredMaterialView::missing).toList();
                    return new MandateCase(views.of(new CaseFile(r)), handled.contains(r.id), correcting,
                            correcting ? timeline.openDeficiencies(r.id) : List.of(),
                            !r.status.concluded() && !missing.isEmpty(), missing);
                }).toList();
        return new MandateWork(m, reached);
    }

    /** The applicant ends a mandate of theirs; nothing more may be done under it. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Mandate end(long id) {
        AccountPrincipal me = applicant();
        int n = jdbc.sql("""
                update oneseal.agent_mandate set ended_at = :at, ended_by = :by
                where id = :id and applicant_account_id = :me and ended_at is null""")
                .param("at", Timestamp.from(clock.instant())).param("by", me.getUsername()).param("id", id)
                .param("me", me.accountId()).update();
        Mandate m = jdbc.sql("select id from oneseal.agent_mandate where id = :id and applicant_account_id = :me")
                .param("id", id).param("me", me.accountId()).query(Long.class).optional().map(this::load)
                .orElseThrow(() -> new NotFoundException("mandate " + id));
        if (n == 1) {
            audit.record(AuditRecord.of("casework.mandate.end", "AgentMandate", id).reason("ended by the applicant"));
        }
        return m;
    }

    /** Agent services of a period in the caller's scope: mandates recorded, and cases applied for under them. */
    public record Figures(long mandates, long cases) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('casework:read')")
    public Figures figures(LocalDate from, LocalDate to) {
        var scope = currentUser.scope();
        return scope.bind(jdbc.sql("""
                        select count(*), count(case_id) from oneseal.agent_mandate
                        where created_at >= (cast(:from as date))::timestamp at time zone 'Asia/Shanghai'
                          and created_at < (cast(:to as date) + 1)::timestamp at time zone 'Asia/Shanghai'
                          and""" + " " + scope.condition("region_id")))
                .param("from", from).param("to", to).query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2))).single();
    }

    private AccountPrincipal applicant() {
        return currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF)
                .orElseThrow(() -> new AccessDeniedException("applicants only"));
    }

    private Mandate load(long id) {
        LocalDate today = LocalDate.now(clock);
        Mandate m = jdbc.sql("select * from oneseal.agent_mandate where id = :id").param("id", id).query((rs, n) -> {
            long matter = rs.getLong("matter_id");
            long account = rs.getLong("applicant_account_id");
            LocalDate until = rs.getObject("valid_until", LocalDate.class);
            Timestamp ended = rs.getTimestamp("ended_at");
            return new Mandate(rs.getLong("id"), rs.getString("staff"), account,
                    applicants.profile(account).map(ApplicantProfile::name).orElse(null), matter,
                    catalogue.currentPublished(matter).map(MatterVersionView::name).orElse(null), rs.getLong("region_id"),
                    rs.getString("purpose"), until, rs.getTimestamp("created_at").toInstant(),
                    ended == null ? null : ended.toInstant(), rs.getString("ended_by"), (Long) rs.getObject("case_id"),
                    ended == null && !today.isAfter(until), List.of());
        }).single();
        return new Mandate(m.id(), m.staff(), m.applicantAccountId(), m.applicantName(), m.matterId(), m.matterName(),
                m.regionId(), m.purpose(), m.validUntil(), m.createdAt(), m.endedAt(), m.endedBy(), m.caseId(),
                m.active(), handled(m));
    }

    /**
     * The cases handled under a mandate: the one applied for under it, and the applicant's cases of its matter with a
     * timeline entry by its staff member acting for someone while it ran. A staff member holds one active mandate
     * per applicant and matter (see {@link #grant}), so such an entry belongs to this mandate.
     */
    private List<CaseRef> handled(Mandate m) {
        Instant expiry = m.validUntil().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Instant to = m.endedAt() != null && m.endedAt().isBefore(expiry) ? m.endedAt() : expiry;
        return jdbc.sql("""
                        select c.id, c.case_number, c.status from oneseal.case_file c
                        where c.id = :applied
                           or c.applicant_account_id = :applicant and c.matter_id = :matter and exists (
                              select 1 from oneseal.case_event e where e.case_id = c.id and e.actor = :staff
                                and e.acting_for is not null and e.at >= :from and e.at < :to)
                        order by c.id""")
                .param("applied", m.caseId() == null ? -1L : m.caseId()).param("applicant", m.applicantAccountId())
                .param("matter", m.matterId()).param("staff", m.staff()).param("from", Timestamp.from(m.createdAt()))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new CaseRef(rs.getLong(1), rs.getString(2), CaseStatus.valueOf(rs.getString(3))))
                .list();
    }
}
