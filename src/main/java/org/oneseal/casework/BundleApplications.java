package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.ApplicantDirectory;
import org.oneseal.identity.ApplicantProfile;
import org.oneseal.identity.CurrentUser;
import org.oneseal.matter.BundleGuide;
import org.oneseal.matter.Bundles;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一件事 applications: one form for a published bundle, each merged material uploaded once and given to every
 * member matter that asks for it; one case per member (its department, process and due date), all opened in one
 * transaction — all or none — and reviewed in parallel. The applicant follows them on one page: the result that
 * follows the most severe sub-result ({@link BundleResult}), one combined correction notice listing what every
 * department asks, answered with one form; the results are delivered together ({@link #requireAllDecided}).
 */
@Service
public class BundleApplications {

    private final Bundles bundles;
    private final CaseIntake intake;
    private final CaseCorrection correction;
    private final CaseRepository cases;
    private final CaseTimeline timeline;
    private final CaseViews views;
    private final ApplicantDirectory applicants;
    private final CurrentUser currentUser;
    private final CaseworkMessages messages;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final org.oneseal.license.Licensing licensing;

    BundleApplications(org.oneseal.license.Licensing licensing, Bundles bundles, CaseIntake intake, CaseCorrection correction, CaseRepository cases,
            CaseTimeline timeline, CaseViews views, ApplicantDirectory applicants, CurrentUser currentUser,
            CaseworkMessages messages, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.bundles = bundles;
        this.intake = intake;
        this.correction = correction;
        this.cases = cases;
        this.timeline = timeline;
        this.views = views;
        this.applicants = applicants;
        this.currentUser = currentUser;
        this.messages = messages;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.licensing = licensing;
    }

    /** The applicant's view of one application. */
    public record BundleCase(long id, long bundleId, String bundleName, Instant submittedAt, BundleResult result,
                             List<Member> members, List<CombinedDeficiency> deficiencies) {
    }

    /** A sub-case as the applicant sees it. */
    public record Member(CaseView summary, BundleResult result) {
    }

    /** One item of the combined correction notice: which department's case, which material, what is wrong. */
    public record CombinedDeficiency(long caseId, String matterName, String requirementCode, String description) {
    }

    /**
     * The signed-in applicant applies for a bundle: {@code files} keyed by the merged material's form field
     * ({@link BundleGuide.MergedMaterial#field()}). Every member's required materials must come; every problem is
     * reported on the merged field, and nothing is opened when there is one.
     */
    @Transactional
    public BundleCase apply(long bundleId, Map<String, SubmittedFile> files) {
        AccountPrincipal me = currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF)
                .orElseThrow(() -> new AccessDeniedException("only applicants apply online"));
        ApplicantProfile applicant = applicants.profile(me.accountId()).orElseThrow();
        BundleGuide guide = bundles.guide(bundleId).orElseThrow(() -> new NotFoundException("bundle " + bundleId));
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        for (BundleGuide.MergedMaterial m : guide.materials()) {
            if (m.required() && files.get(m.field()) == null) {
                errors.add("materials[" + m.field() + "]", messages.text("casework.material.missing", m.name()));
            }
        }
        for (BundleGuide.MergedMaterial m : guide.materials()) {
            SubmittedFile f = files.get(m.field());
            if (f != null) {
                MaterialCheck.Result checked = MaterialCheck.check(CheckedFile.safeName(f.fileName()), f.content());
                if (!checked.ok()) {
                    errors.add("materials[" + m.field() + "]", messages.text(checked.problemKey(),
                            CheckedFile.safeName(f.fileName())));
                }
            }
        }
        for (BundleGuide.Member member : guide.members()) {
            org.oneseal.matter.MatterVersionView current;
            try {
                current = intake.published(member.matter().matterId()); // cancelled meanwhile: its own message
            } catch (InvalidInputException e) {
                errors.add("bundle", e.getMessage());
                continue;
            }
            try {
                intake.checkServiceObject(current, applicant.kind());
            } catch (InvalidInputException e) {
                errors.add("bundle", messages.text("casework.bundle.notForYou", member.matter().name()));
            }
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.bundle_case (bundle_id, bundle_name, applicant_account_id, submitted_at)
                values (:bundle, :name, :account, :at)""")
                .param("bundle", bundleId).param("name", guide.name()).param("account", me.accountId())
                .param("at", Timestamp.from(now)).update(keys, "id");
        long bundleCaseId = keys.getKey().longValue();
        int sort = 0;
        for (BundleGuide.Member member : guide.members()) {
            List<SubmittedFile> own = new ArrayList<>();
            for (BundleGuide.MergedMaterial m : guide.materials()) {
                String code = m.codes().get(member.matter().matterId());
                SubmittedFile f = files.get(m.field());
                if (code != null && f != null) {
                    own.add(new SubmittedFile(code, f.fileName(), f.declaredContentType(), f.content()));
                }
            }
            CaseFile file = intake.open(intake.published(member.matter().matterId()), applicant, null, "ONLINE", null,
                    own, me.getUsername(), CaseDeferrals.Deferral.NONE, CaseCommitments.Choice.NONE);
            jdbc.sql("""
                    insert into oneseal.bundle_case_member (bundle_case_id, case_id, sort_order, carried_by_licence)
                    values (:b, :c, :s, :carried)""")
                    .param("b", bundleCaseId).param("c", file.id()).param("s", ++sort)
                    .param("carried", member.carriedByLicence()).update();
            timeline.append(file.id(), now, me.getUsername(), null, "BUNDLE_APPLIED", file.status(),
                    messages.text("casework.bundle.member", guide.name()));
        }
        audit.record(AuditRecord.of("casework.bundle.apply", "BundleCase", bundleCaseId).region(guide.regionId())
                .reason(guide.code()));
        return mine(bundleCaseId);
    }

    /** The applicant's own application, with the result, the sub-cases and the combined notice. */
    @Transactional(readOnly = true)
    public BundleCase mine(long bundleCaseId) {
        long me = currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF).map(AccountPrincipal::accountId)
                .orElseThrow(() -> new AccessDeniedException("applicants only"));
        record Head(long bundleId, String name, Instant at) {
        }
        Head head = jdbc.sql("select bundle_id, bundle_name, submitted_at from oneseal.bundle_case where id = :id "
                        + "and applicant_account_id = :me")
                .param("id", bundleCaseId).param("me", me)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("bundle case " + bundleCaseId));
        List<Member> members = new ArrayList<>();
        List<CombinedDeficiency> deficiencies = new ArrayList<>();
        BundleResult result = BundleResult.NOT_REQUIRED;
        for (long caseId : memberIds(bundleCaseId)) {
            CaseFile file = cases.find(caseId).orElseThrow();
            BundleResult r = BundleResult.of(file.status(), denied(caseId), conditional(caseId));
            result = result.worst(r);
            members.add(new Member(views.of(file), r));
            if (file.status() == CaseStatus.CORRECTION_REQUESTED) {
                timeline.openDeficiencies(caseId).forEach(d -> deficiencies.add(new CombinedDeficiency(caseId,
                        file.row().matterName, d.requirementCode(), d.description())));
            }
        }
        return new BundleCase(bundleCaseId, head.bundleId(), head.name(), head.at(), result, members, deficiencies);
    }

    /** The applicant's applications, newest first. */
    @Transactional(readOnly = true)
    public List<BundleCase> mine() {
        long me = currentUser.principal().filter(p -> p.kind() != AccountKind.STAFF).map(AccountPrincipal::accountId)
                .orElseThrow(() -> new AccessDeniedException("applicants only"));
        return jdbc.sql("select id from oneseal.bundle_case where applicant_account_id = :me order by submitted_at desc "
                        + "limit 50")
                .param("me", me).query(Long.class).list().stream().map(this::mine).toList();
    }

    /**
     * One answer to the combined correction notice: files keyed {@code <caseId>.<requirementCode>} and a note, given
     * to every sub-case that asked for a correction.
     */
    @Transactional
    public BundleCase correct(long bundleCaseId, Map<Long, List<SubmittedFile>> filesByCase, String note) {
        BundleCase current = mine(bundleCaseId);
        List<Long> asking = current.members().stream()
                .filter(m -> m.summary().status() == CaseStatus.CORRECTION_REQUESTED).map(m -> m.summary().id()).toList();
        if (asking.isEmpty()) {
            throw new IllegalCaseTransition(messages.text("casework.bundle.noCorrection"));
        }
        filesByCase.keySet().stream().filter(id -> !asking.contains(id)).findFirst().ifPresent(id -> {
            throw InvalidInputException.of("materials", messages.text("casework.bundle.notAsking", String.valueOf(id)));
        });
        for (long caseId : asking) {
            correction.submit(caseId, filesByCase.getOrDefault(caseId, List.of()),
                    note == null || note.isBlank() ? messages.text("casework.bundle.correctionNote") : note);
        }
        return mine(bundleCaseId);
    }

    /**
     * After a member's pre-review: when no member waits for its pre-review any more and some department asks for a
     * correction, the applicant gets one combined notice listing everything asked (on the case that completed the
     * round; the departments' own requests are not announced one by one).
     */
    void preReviewed(long caseId) {
        Long bundleCaseId = timeline.bundleOf(caseId);
        if (bundleCaseId == null) {
            return;
        }
        lockApplication(bundleCaseId); // the last two pre-reviews at once: one of them sees the other's
        List<CaseFile> members = memberIds(bundleCaseId).stream().map(id -> cases.find(id).orElseThrow()).toList();
        if (members.stream().anyMatch(f -> f.status() == CaseStatus.SUBMITTED)) {
            return;
        }
        List<String> asked = new ArrayList<>();
        for (CaseFile f : members) {
            if (f.status() == CaseStatus.CORRECTION_REQUESTED) {
                timeline.openDeficiencies(f.id()).forEach(d -> asked.add(f.row().matterName + "：" + d.description()));
            }
        }
        if (!asked.isEmpty()) {
            CaseFile trigger = cases.find(caseId).orElseThrow();
            String all = String.join("；", asked);
            // the event keeps what fits; the application's page lists every request in full
            timeline.record(trigger, clock.instant(), "system", "BUNDLE_CORRECTION_REQUESTED",
                    all.length() <= 1800 ? all : all.substring(0, 1800) + "…");
        }
    }

    /** 一并送达: a member case is delivered only when every member has its decision. */
    void requireAllDecided(long caseId) {
        List<Long> siblings = jdbc.sql("""
                select m2.case_id from oneseal.bundle_case_member m1
                join oneseal.bundle_case_member m2 on m2.bundle_case_id = m1.bundle_case_id
                where m1.case_id = :id""").param("id", caseId).query(Long.class).list();
        List<String> waiting = siblings.stream().map(id -> cases.find(id).orElseThrow())
                .filter(f -> !f.status().concluded() && f.status() != CaseStatus.GRANTED && f.status() != CaseStatus.DENIED)
                .map(f -> f.row().matterName).toList();
        if (!waiting.isEmpty()) {
            throw new IllegalCaseTransition(messages.text("casework.bundle.deliverTogether", String.join("、", waiting)));
        }
    }

    private List<Long> memberIds(long bundleCaseId) {
        return jdbc.sql("select case_id from oneseal.bundle_case_member where bundle_case_id = :id order by sort_order")
                .param("id", bundleCaseId).query(Long.class).list();
    }

    private boolean conditional(long caseId) {
        return jdbc.sql("select exists (select 1 from oneseal.case_event where case_id = :id "
                        + "and kind = 'GRANTED_WITH_CONDITIONS')")
                .param("id", caseId).query(Boolean.class).single();
    }

    /**
     * 一照含证: when the last member of an application has its decision, the business licence of the application
     * (the member that issues 营业执照) is changed to list the licences of the members the bundle says it carries.
     */
    void decided(long caseId) {
        Long bundleCaseId = timeline.bundleOf(caseId);
        if (bundleCaseId == null) {
            return;
        }
        lockApplication(bundleCaseId); // the last two decisions at once: one of them sees the other's
        List<CaseFile> members = memberIds(bundleCaseId).stream().map(id -> cases.find(id).orElseThrow()).toList();
        boolean allDecided = members.stream().allMatch(f -> f.status().concluded() || f.status() == CaseStatus.GRANTED
                || f.status() == CaseStatus.DENIED);
        if (!allDecided || members.stream().anyMatch(f -> hasEvent(f.id(), "LICENCE_CARRIES"))) { // once only
            return;
        }
        java.util.Set<Long> carried = new java.util.HashSet<>(jdbc.sql("""
                select case_id from oneseal.bundle_case_member where bundle_case_id = :id and carried_by_licence""")
                .param("id", bundleCaseId).query(Long.class).list());
        List<String> permits = new ArrayList<>();
        Optional<CaseFile> business = Optional.empty();
        String businessLicence = null;
        for (CaseFile f : members) {
            Optional<org.oneseal.license.LicenceView> current = licensing.licenceOfCase(f.id())
                    .filter(v -> v.status() == org.oneseal.license.LicenceStatus.VALID);
            if (current.isEmpty()) {
                continue; // denied, not required, or revoked meanwhile: nothing to carry or to carry it
            }
            if ("营业执照".equals(current.get().licenceKind())) {
                business = Optional.of(f);
                businessLicence = current.get().licenceId();
            } else if (carried.contains(f.id())) {
                permits.add(current.get().licenceKind() + " " + current.get().licenceId());
            }
        }
        if (permits.isEmpty() || business.isEmpty()) {
            return;
        }
        String text = String.join("；", permits);
        text = text.length() <= 900 ? text : text.substring(0, 900) + "…";
        String reason = messages.text("casework.bundle.carried", text);
        // a consequence of the decisions, made by the platform: not by the authority of whoever decided last
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var system = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        system.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated("system", null, org.springframework.security.core.authority.AuthorityUtils
                        .createAuthorityList("license:manage")));
        String successor;
        try {
            org.springframework.security.core.context.SecurityContextHolder.setContext(system);
            successor = licensing.addParticulars(businessLicence, Map.of(CARRIED_PARTICULAR, text),
                    reason.length() <= 480 ? reason : reason.substring(0, 480)).licenceId();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
        CaseFile holder = cases.lock(business.get().id()).orElseThrow();
        holder.row().licenceId = successor;
        cases.save(holder);
        timeline.append(holder.id(), clock.instant(), "system", null, "LICENCE_CARRIES", holder.status(), reason);
    }

    private boolean hasEvent(long caseId, String kind) {
        return jdbc.sql("select exists (select 1 from oneseal.case_event where case_id = :id and kind = :kind)")
                .param("id", caseId).param("kind", kind).query(Boolean.class).single();
    }

    private void lockApplication(long bundleCaseId) {
        jdbc.sql("select id from oneseal.bundle_case where id = :id for update").param("id", bundleCaseId)
                .query(Long.class).list();
    }

    /** The particular of a business licence that lists the permits it carries (一照含证). */
    static final String CARRIED_PARTICULAR = "一照含证";

    private boolean denied(long caseId) {
        return jdbc.sql("select kind from oneseal.case_event where case_id = :id and kind in ('GRANTED', 'DENIED') "
                        + "order by id desc limit 1")
                .param("id", caseId).query(String.class).optional().map("DENIED"::equals).orElse(false);
    }
}
