package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * (actor: the staff member; acting for: the applicant). The applicant sees their mandates and may end one at any
 * time; an ended or expired mandate allows nothing more (refused and audited). Free of charge; counted.
 */
@Service
public class AgentMandates {

    static final int MAX_DAYS = 90;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApplicantDirectory applicants;
    private final MatterCatalogue catalogue;
    private final CaseIntake intake;
    private final CaseworkMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    AgentMandates(JdbcClient jdbc, CurrentUser currentUser, ApplicantDirectory applicants, MatterCatalogue catalogue,
            CaseIntake intake, CaseworkMessages messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.applicants = applicants;
        this.catalogue = catalogue;
        this.intake = intake;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the staff member records. */
    public record MandateRequest(String applicantIdentifier, String applicantName, Long matterId, String purpose,
                                 LocalDate validUntil) {
    }

    /** A mandate as both sides see it. */
    public record Mandate(long id, String staff, long applicantAccountId, String applicantName, long matterId,
                          String matterName, String purpose, LocalDate validUntil, Instant createdAt, Instant endedAt,
                          String endedBy, Long caseId, boolean active) {
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
    @Transactional(noRollbackFor = BusinessRuleViolation.class)
    @PreAuthorize("hasAuthority('casework:intake')")
    public CaseView apply(long mandateId, String phone, List<SubmittedFile> files) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        Mandate m = jdbc.sql("select id from oneseal.agent_mandate where id = :id and staff = :me for update")
                .param("id", mandateId).param("me", me.getUsername()).query(Long.class).optional().map(this::load)
                .orElseThrow(() -> new NotFoundException("mandate " + mandateId));
        if (!m.active()) {
            audit.record(AuditRecord.of("casework.mandate.use", "AgentMandate", mandateId).outcome(AuditOutcome.DENIED)
                    .actingFor(m.applicantName()).reason(m.endedAt() != null ? "mandate ended" : "mandate expired"));
            throw new BusinessRuleViolation("casework.mandate", messages.text("casework.mandate.inactive"));
        }
        MatterVersionView matter = catalogue.currentPublished(m.matterId())
                .orElseThrow(() -> InvalidInputException.of("matterId", messages.text("casework.mandate.matter")));
        ApplicantProfile applicant = applicants.profile(m.applicantAccountId()).orElseThrow();
        // both names on what was done: the staff member, acting for the applicant
        CaseFile file = intake.open(matter, applicant, phone, "WINDOW", me.getUsername(), files, me.getUsername(),
                applicant.name(), CaseDeferrals.Deferral.NONE, CaseCommitments.Choice.NONE);
        jdbc.sql("update oneseal.agent_mandate set case_id = :case where id = :id").param("case", file.id())
                .param("id", mandateId).update();
        audit.record(AuditRecord.of("casework.mandate.apply", "Case", file.id()).actingFor(applicant.name())
                .region(matter.regionId()).reason("under mandate " + mandateId + " (帮办代办, free of charge)"));
        return intake.view(file.id());
    }

    /** The applicant's mandates, newest first. */
    @Transactional(readOnly = true)
    public List<Mandate> mine() {
        long me = applicant().accountId();
        return jdbc.sql("select id from oneseal.agent_mandate where applicant_account_id = :me order by id desc limit 100")
                .param("me", me).query(Long.class).list().stream().map(this::load).toList();
    }

    /** The staff member's mandates, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('casework:intake')")
    public List<Mandate> handledByMe() {
        return jdbc.sql("select id from oneseal.agent_mandate where staff = :me order by id desc limit 100")
                .param("me", currentUser.principal().orElseThrow().getUsername()).query(Long.class).list().stream()
                .map(this::load).toList();
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
        return jdbc.sql("select * from oneseal.agent_mandate where id = :id").param("id", id).query((rs, n) -> {
            long matter = rs.getLong("matter_id");
            long account = rs.getLong("applicant_account_id");
            LocalDate until = rs.getObject("valid_until", LocalDate.class);
            Timestamp ended = rs.getTimestamp("ended_at");
            return new Mandate(rs.getLong("id"), rs.getString("staff"), account,
                    applicants.profile(account).map(ApplicantProfile::name).orElse(null), matter,
                    catalogue.currentPublished(matter).map(MatterVersionView::name).orElse(null), rs.getString("purpose"),
                    until, rs.getTimestamp("created_at").toInstant(), ended == null ? null : ended.toInstant(),
                    rs.getString("ended_by"), (Long) rs.getObject("case_id"), ended == null && !today.isAfter(until));
        }).single();
    }
}
