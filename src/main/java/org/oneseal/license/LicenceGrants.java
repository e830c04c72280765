package org.oneseal.license;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.ApplicantDirectory;
import org.oneseal.identity.ApplicantProfile;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.oneseal.shared.QrCodes;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 免证办 / 授权提取: a licence holder lets one service window pull one of their electronic licences, for one
 * purpose and a limited time, instead of showing paper; they can revoke it at any time. The window presents the
 * grant's QR token (scanned) or its one-time code; it sees only that licence, only at that window, only while the
 * grant is valid. Every pull — and every refused attempt — is audited; the holder sees each pull.
 */
@Service
public class LicenceGrants {

    /** Longest validity a holder may give, in hours (30 days). */
    static final int MAX_HOURS = 720;

    private final GrantStore grants;
    private final LicenceStore licences;
    private final ApplicantDirectory applicants;
    private final OrganisationManagement organisation;
    private final CurrentUser currentUser;
    private final LicenceMessages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    LicenceGrants(GrantStore grants, LicenceStore licences, ApplicantDirectory applicants,
            OrganisationManagement organisation, CurrentUser currentUser, LicenceMessages messages, AuditLog audit,
            Clock clock) {
        this.grants = grants;
        this.licences = licences;
        this.applicants = applicants;
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A grant as its holder sees it (code and QR only while it can still be used). */
    public record GrantView(long id, String licenceId, String licenceKind, long windowUnitId, String windowName,
                            String purpose, Instant validFrom, Instant validUntil, String state, String code,
                            String qrDataUri, String pullUrl) {
    }

    /** A pull as the holder sees it. */
    public record PullView(long grantId, String licenceId, String windowName, String pulledBy, Instant pulledAt) {
    }

    /** What a window gets: the licence it was authorised for, and the grant's purpose and validity. */
    public record Pulled(long grantId, String purpose, Instant validUntil, LicenceView licence) {
    }

    /** The signed-in holder's current licences. */
    @Transactional(readOnly = true)
    public List<LicenceView> myLicences() {
        String identifier = holder().identifier();
        return grants.licencesOf(identifier).stream().map(id -> licences.find(id).orElseThrow().view(today())).toList();
    }

    /** A holder's valid current licences of a kind (免证办 on an application form: "use my electronic licence"). */
    @Transactional(readOnly = true)
    public List<LicenceView> validLicences(String holderIdentifier, String licenceKind) {
        return grants.licencesOf(holderIdentifier).stream().map(id -> licences.find(id).orElseThrow().view(today()))
                .filter(v -> v.status() == LicenceStatus.VALID && v.licenceKind().equals(licenceKind)).toList();
    }

    /** The signed PDF of a holder's valid current licence of a kind, or empty when it is not theirs, not valid or another kind. */
    @Transactional(readOnly = true)
    public Optional<byte[]> validLicencePdf(String holderIdentifier, String licenceId, String licenceKind) {
        return validLicences(holderIdentifier, licenceKind).stream().filter(v -> v.licenceId().equals(licenceId))
                .findFirst().flatMap(v -> licences.pdf(v.licenceId()));
    }

    /**
     * The holder authorises a window: their licence, an active service window, a purpose, 1–{@value #MAX_HOURS}
     * hours. Returns the grant with its QR code and one-time code.
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public GrantView grant(String licenceId, Long windowUnitId, String purpose, Integer validHours) {
        ApplicantProfile me = holder();
        LicenceRecord licence = ownLicence(me, licenceId);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        LicenceStatus status = licence.view(today()).status();
        if (status != LicenceStatus.VALID) {
            errors.add("licenceId", messages.chinese("license.grant.notValid", messages.chinese("license.status." + status)));
        }
        Optional<OrgUnitView> window = windowUnitId == null ? Optional.empty() : organisation.serviceWindow(windowUnitId);
        if (window.isEmpty()) {
            errors.add("windowUnitId", messages.chinese("license.grant.window"));
        }
        if (purpose == null || purpose.isBlank() || purpose.strip().length() > 200) {
            errors.add("purpose", messages.chinese("license.grant.purpose"));
        }
        if (validHours == null || validHours < 1 || validHours > MAX_HOURS) {
            errors.add("validHours", messages.chinese("license.grant.hours", MAX_HOURS));
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        String token = token();
        String code = code();
        long id = grants.insert(licenceId, me.accountId(), windowUnitId, purpose.strip(), token, code, now,
                now.plus(Duration.ofHours(validHours)));
        audit.record(AuditRecord.of("license.grant", "Licence", licenceId).region(window.get().regionId())
                .reason("grant #" + id + " window " + window.get().code() + " " + validHours + "h"));
        return view(grants.byId(id).orElseThrow(), windowNames(), true);
    }

    /** The holder withdraws a grant; the window can no longer pull with it. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public GrantView revoke(long grantId) {
        ApplicantProfile me = holder();
        GrantStore.Grant g = grants.byId(grantId).filter(x -> x.holderAccountId() == me.accountId())
                .orElseThrow(() -> new NotFoundException("grant " + grantId));
        grants.revoked(grantId, clock.instant());
        audit.record(AuditRecord.of("license.grant.revoke", "Licence", g.licenceId()).reason("grant #" + grantId));
        return view(grants.byId(grantId).orElseThrow(), windowNames(), false);
    }

    /** The holder's grants, newest first. */
    @Transactional(readOnly = true)
    public List<GrantView> myGrants() {
        Map<Long, String> names = windowNames();
        return grants.ofHolder(holder().accountId()).stream().map(g -> view(g, names, true)).toList();
    }

    /** Every pull of the holder's licences, newest first. */
    @Transactional(readOnly = true)
    public List<PullView> myPulls() {
        Map<Long, String> names = windowNames();
        return grants.pullsOf(holder().accountId()).stream()
                .map(p -> new PullView(p.grantId(), p.licenceId(), names.getOrDefault(p.windowUnitId(), "—"),
                        p.pulledBy(), p.pulledAt()))
                .toList();
    }

    /**
     * A window pulls a licence with a grant's QR token or one-time code. Refused — with a message, audited, nothing
     * recorded as pulled — when no grant matches, when it was revoked, expired or not yet valid, when the code was
     * used already, or when the staff member does not work at the authorised window.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    @PreAuthorize("hasAuthority('casework:intake')")
    public Pulled pull(String credential) {
        AccountPrincipal staff = currentUser.principal().orElseThrow();
        String c = credential == null ? "" : credential.strip();
        Instant now = clock.instant();
        Optional<GrantStore.Grant> found;
        boolean byCode = c.matches("\\d{8}");
        if (byCode) {
            List<GrantStore.Grant> candidates = grants.byCode(c).stream()
                    .filter(g -> staff.orgUnitId() != null && g.windowUnitId() == staff.orgUnitId()).toList();
            found = candidates.stream().filter(g -> g.validAt(now)).findFirst().or(() -> candidates.stream().findFirst());
        } else {
            found = c.matches("[A-Za-z0-9_-]{20,64}") ? grants.byToken(c) : Optional.empty();
        }
        GrantStore.Grant g = found.orElseThrow(() -> refused(null, "license.pull.unknown", "no grant"));
        LicenceRecord licence = authorised(g, staff, now);
        if (byCode) {
            grants.codeUsed(g.id(), now); // the one-time code is spent; the QR works until the grant ends
        }
        grants.pulled(g, windowRegion(g, staff), staff.getUsername(), now);
        audit.record(AuditRecord.of("license.pull", "Licence", g.licenceId()).region(staff.regionId())
                .reason("grant #" + g.id() + " " + g.purpose()));
        return new Pulled(g.id(), g.purpose(), g.validUntil(), licence.view(today()));
    }

    /** The PDF of a licence pulled with a grant, while the grant still lets the caller's window pull it (audited). */
    @Transactional(noRollbackFor = InvalidInputException.class)
    @PreAuthorize("hasAuthority('casework:intake')")
    public byte[] pulledPdf(long grantId) {
        AccountPrincipal staff = currentUser.principal().orElseThrow();
        Instant now = clock.instant();
        GrantStore.Grant g = grants.byId(grantId).orElseThrow(() -> refused(null, "license.pull.unknown", "no grant"));
        if (!grants.pulledBy(g.id(), g.windowUnitId())) { // the credential must have been presented first
            throw refused(g, "license.pull.unknown", "pdf without a presented credential");
        }
        authorised(g, staff, now);
        grants.pulled(g, windowRegion(g, staff), staff.getUsername(), now);
        audit.record(AuditRecord.of("license.pull", "Licence", g.licenceId()).region(staff.regionId())
                .reason("grant #" + g.id() + " pdf"));
        return licences.pdf(g.licenceId()).orElseThrow();
    }

    /** The region of the grant's window (a pull counts there), or the staff member's if the window was closed since. */
    private long windowRegion(GrantStore.Grant g, AccountPrincipal staff) {
        return organisation.serviceWindow(g.windowUnitId()).map(OrgUnitView::regionId).orElse(staff.regionId());
    }

    /** The checks of every pull: this window, not revoked, within validity, the licence still valid. */
    private LicenceRecord authorised(GrantStore.Grant g, AccountPrincipal staff, Instant now) {
        if (staff.orgUnitId() == null || g.windowUnitId() != staff.orgUnitId()) {
            throw refused(g, "license.pull.otherWindow", "window " + staff.orgUnitId());
        }
        if (g.revokedAt() != null) {
            throw refused(g, "license.pull.revoked", "revoked");
        }
        if (!g.validAt(now)) {
            throw refused(g, "license.pull.expired", "outside validity");
        }
        LicenceRecord licence = licences.find(g.licenceId()).orElseThrow();
        LicenceStatus status = licence.view(today()).status();
        if (status != LicenceStatus.VALID) {
            throw refused(g, "license.pull.licenceNotValid", "licence " + status);
        }
        return licence;
    }

    private InvalidInputException refused(GrantStore.Grant g, String key, String reason) {
        audit.recordIndependently(AuditRecord.of("license.pull", "Licence", g == null ? null : g.licenceId())
                .outcome(AuditOutcome.DENIED).reason((g == null ? "" : "grant #" + g.id() + " ") + reason));
        return InvalidInputException.of("credential", messages.chinese(key));
    }

    private GrantView view(GrantStore.Grant g, Map<Long, String> windowNames, boolean withCode) {
        Instant now = clock.instant();
        String state = g.revokedAt() != null ? "REVOKED" : !now.isBefore(g.validUntil()) ? "EXPIRED" : "ACTIVE";
        boolean usable = withCode && "ACTIVE".equals(state);
        String pullUrl = "/workbench/licence-pull?credential=" + g.token();
        String kind = licences.find(g.licenceId()).map(r -> r.content().licenceKind()).orElse("");
        return new GrantView(g.id(), g.licenceId(), kind, g.windowUnitId(), windowNames.getOrDefault(g.windowUnitId(), "—"),
                g.purpose(), g.validFrom(), g.validUntil(), state,
                usable && g.codeUsedAt() == null ? g.code() : null, usable ? QrCodes.pngDataUri(pullUrl) : null,
                usable ? pullUrl : null);
    }

    /** Service windows by id → "region hall window" name. */
    Map<Long, String> windowNames() {
        return organisation.serviceWindows().stream().collect(Collectors.toMap(OrgUnitView::id, OrgUnitView::name,
                (a, b) -> a));
    }

    /** The active service windows, for the holder's form. */
    public List<OrgUnitView> windows() {
        return organisation.serviceWindows();
    }

    private LicenceRecord ownLicence(ApplicantProfile me, String licenceId) {
        return (licenceId == null ? Optional.<LicenceRecord>empty() : licences.find(licenceId.strip()))
                .filter(r -> r.content().holderIdentifier().equals(me.identifier()))
                .filter(r -> grants.licencesOf(me.identifier()).contains(r.content().licenceId()))
                .orElseThrow(() -> new NotFoundException("licence " + licenceId));
    }

    private ApplicantProfile holder() {
        AccountPrincipal p = currentUser.principal().filter(x -> x.kind() != AccountKind.STAFF)
                .orElseThrow(() -> new AccessDeniedException("licence holders only"));
        return applicants.profile(p.accountId()).orElseThrow(() -> new AccessDeniedException("no applicant profile"));
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String code() {
        return String.format("%08d", random.nextInt(100_000_000));
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(LicencePdf.ZONE));
    }
}
