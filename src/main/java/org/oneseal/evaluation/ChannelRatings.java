package org.oneseal.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.audit.AuditThrottle;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.PhoneNumbers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ratings that do not come from the portal: paper and phone ratings entered by window staff (with their channel and
 * whether the service was 见面 or 不见面), and ratings pushed by registered sources — hall rating devices, the mobile
 * app, the provincial platform — each of which keeps its source. Staff may not enter a rating of their own service;
 * a source may push a rating once (its own id makes it idempotent).
 */
@Service
public class ChannelRatings {

    static final Set<String> ENTERED_CHANNELS = Set.of("PAPER", "PHONE");
    static final List<String> ALL_CHANNELS = List.of("PORTAL", "QR", "PAPER", "PHONE", "SMS", "DEVICE", "PROVINCIAL");
    static final Set<String> SOURCE_KINDS = Set.of("DEVICE", "APP", "PROVINCIAL");
    private static final Map<String, String> PUSH_CHANNEL = Map.of("DEVICE", "DEVICE", "APP", "PORTAL",
            "PROVINCIAL", "PROVINCIAL");

    private final Ratings ratings;
    private final RatingObjects objects;
    private final RatingStore store;
    private final CurrentUser currentUser;
    private final EvaluationMessages messages;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AuditThrottle throttle;

    ChannelRatings(Ratings ratings, RatingObjects objects, RatingStore store, CurrentUser currentUser,
            EvaluationMessages messages, AuditLog audit, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            AuditThrottle throttle) {
        this.throttle = throttle;
        this.ratings = ratings;
        this.objects = objects;
        this.store = store;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A rating taken on paper or by phone. {@code object}: CASE (ref = case number), MATTER (matter id), WINDOW
     * (window id), STAFF (user name), HALL or WEBSITE (region id); {@code faceToFace}: 见面 (true) or 不见面 (false).
     * The rater's name and phone are optional; with a phone the rating is named and its bad review is called back.
     */
    public record EnteredRating(String object, String ref, String step, String channel, Boolean faceToFace,
                                Integer level, List<String> reasons, String comment, Map<String, Integer> indicators,
                                String raterName, String raterPhone) {
    }

    /** A pushed rating: as entered, plus the source's own id of it and when it was given. */
    public record PushedRating(String externalId, String object, String ref, String step, Boolean faceToFace,
                               Integer level, List<String> reasons, String comment, Map<String, Integer> indicators,
                               OffsetDateTime ratedAt, String raterPhone) {
    }

    /** A stored rating of these channels. */
    public record Stored(long id, String object, String objectId, String channel, int level, boolean rectification,
                        String source) {
    }

    @PreAuthorize("hasAuthority('evaluation:enter')")
    public Stored enter(EnteredRating r) {
        AccountPrincipal me = currentUser.principal().filter(p -> p.kind() == AccountKind.STAFF).orElseThrow();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (r.channel() == null || !ENTERED_CHANNELS.contains(r.channel())) {
            errors.add("channel", messages.text("evaluation.channel.entered"));
        }
        if (r.faceToFace() == null) {
            errors.add("faceToFace", messages.text("evaluation.faceToFace.required"));
        }
        Ratings.Scheme scheme = ratings.scheme();
        Ratings.Checked checked = ratings.check(scheme, r.level(), r.reasons(), r.comment(), r.indicators(),
                !Boolean.FALSE.equals(r.faceToFace()), errors);
        String phone = phone(r.raterPhone(), errors, messages);
        if (r.raterName() != null && r.raterName().length() > 60) {
            errors.add("raterName", messages.text("evaluation.raterName.size"));
        }
        Optional<RatingObjects.Resolved> resolved = RatingObjects.TYPES.contains(String.valueOf(r.object()))
                ? objects.resolve(r.object(), r.ref()) : Optional.empty();
        if (!RatingObjects.TYPES.contains(String.valueOf(r.object()))) {
            errors.add("object", messages.text("evaluation.object.type"));
        } else if (resolved.isEmpty() || !currentUser.scope().covers(resolved.get().regionId())) {
            if (resolved.isPresent()) {
                audit.recordIndependently(AuditRecord.of("evaluation.enter", r.object(), r.ref())
                        .outcome(AuditOutcome.DENIED).region(resolved.get().regionId()).reason("outside data scope"));
            }
            errors.add("ref", messages.text("evaluation.object.notFound"));
        } else if (resolved.get().servedBy(me.getUsername(), me.orgUnitId())) {
            audit.recordIndependently(AuditRecord.of("evaluation.enter", r.object(), r.ref())
                    .outcome(AuditOutcome.FAILURE).region(resolved.get().regionId()).reason("staff rating own service"));
            errors.add("ref", messages.text("evaluation.object.own"));
        }
        if (checked.foreign()) {
            audit.recordIndependently(AuditRecord.of("evaluation.enter", String.valueOf(r.object()), r.ref())
                    .outcome(AuditOutcome.FAILURE).reason("reasons outside level " + r.level()));
        }
        resolved = caseStep(resolved, r.step(), errors);
        errors.throwIfAny();
        RatingObjects.Resolved o = resolved.orElseThrow();
        String name = r.raterName() == null || r.raterName().isBlank() ? null : r.raterName().strip();
        try {
            long id = tx.execute(s -> store.store(new RatingStore.NewRating(scheme.version(), o.type(), o.objectId(),
                    o.caseFile() == null ? null : o.caseFile().id(), o.caseFile() == null ? null : r.step(), r.channel(),
                    r.faceToFace(), r.level(), checked.reasons(), r.comment(), r.indicators(), null, name, phone,
                    o.regionId(), o.departmentId(), o.matterId(), o.windowId(), o.handledBy(),
                    "staff:" + me.getUsername(), null, me.getUsername(), null, null, clock.instant())));
            return new Stored(id, o.type(), o.objectId(), r.channel(), r.level(), r.level() <= 2,
                    "staff:" + me.getUsername());
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("step", messages.text("evaluation.step.rated"));
        }
    }

    /** A case is rated by its step (一事一评); any other object has none. */
    private Optional<RatingObjects.Resolved> caseStep(Optional<RatingObjects.Resolved> resolved, String step,
            InvalidInputException.Collector errors) {
        if (resolved.isEmpty() || resolved.get().caseFile() == null) {
            return resolved;
        }
        Optional<RatingObjects.Resolved> narrowed = objects.step(resolved.get(), step);
        if (narrowed.isEmpty()) {
            errors.add("step", messages.text("evaluation.case.stepRequired"));
        }
        return narrowed;
    }

    /** A source as the administrator sees it; {@code token} only in the answer that created it. */
    public record Source(long id, String code, String name, String kind, long regionId, Long windowId, boolean active,
                         String token) {
    }

    /** What the administrator registers. */
    public record SourceRequest(String code, String name, String kind, Long regionId, Long windowId) {
    }

    @PreAuthorize("hasAuthority('evaluation:configure')")
    public Source register(SourceRequest r) {
        AccountPrincipal me = currentUser.principal().orElseThrow();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (r.code() == null || !r.code().matches("[A-Za-z0-9_-]{2,40}")) {
            errors.add("code", messages.text("evaluation.source.code"));
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 100) {
            errors.add("name", messages.text("evaluation.source.name"));
        }
        if (r.kind() == null || !SOURCE_KINDS.contains(r.kind())) {
            errors.add("kind", messages.text("evaluation.source.kind"));
        }
        if (r.regionId() == null || !currentUser.scope().covers(r.regionId())
                || objects.resolve("HALL", String.valueOf(r.regionId())).isEmpty()) {
            errors.add("regionId", messages.text("evaluation.source.region"));
        }
        Optional<RatingObjects.Resolved> window = r.windowId() == null ? Optional.empty()
                : objects.resolve("WINDOW", String.valueOf(r.windowId()));
        if (r.windowId() != null && (window.isEmpty() || r.regionId() == null || window.get().regionId() != r.regionId())) {
            errors.add("windowId", messages.text("evaluation.source.window"));
        }
        errors.throwIfAny();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = "rs_" + HexFormat.of().formatHex(secret);
        try {
            long id = tx.execute(s -> {
                long created = jdbc.sql("""
                        insert into oneseal.rating_source (code, name, kind, region_id, window_id, token_hash, created_at,
                            created_by) values (:code, :name, :kind, :region, :window, :hash, :at, :by) returning id""")
                        .param("code", r.code()).param("name", r.name().strip()).param("kind", r.kind())
                        .param("region", r.regionId()).param("window", r.windowId()).param("hash", sha256(token))
                        .param("at", Timestamp.from(clock.instant())).param("by", me.getUsername())
                        .query(Long.class).single();
                audit.record(AuditRecord.of("evaluation.source.register", "RatingSource", created)
                        .region(r.regionId()).reason(r.kind() + " " + r.code()));
                return created;
            });
            return new Source(id, r.code(), r.name().strip(), r.kind(), r.regionId(), r.windowId(), true, token);
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("code", messages.text("evaluation.source.taken"));
        }
    }

    @PreAuthorize("hasAuthority('evaluation:configure')")
    public List<Source> sources() {
        DataScope scope = currentUser.scope();
        return scope.bind(jdbc.sql("select id, code, name, kind, region_id, window_id, active from oneseal.rating_source"
                        + " where " + scope.condition("region_id") + " order by id"))
                .query((rs, n) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), (Long) rs.getObject(6), rs.getBoolean(7), null)).list();
    }

    private record SourceRow(long id, String code, String kind, long regionId, Long windowId) {
    }

    /**
     * A rating pushed by a registered source, authenticated by its token. The source's region must cover the object
     * (a hall device rates its own hall's windows; the provincial platform, registered for the city, any region).
     * The same external id pushed twice is refused (409), so a retrying device never counts twice.
     */
    public Stored push(String bearer, PushedRating r, String address) {
        SourceRow src = bearer == null || !bearer.startsWith("rs_") ? null : jdbc.sql("""
                        select id, code, kind, region_id, window_id from oneseal.rating_source
                        where token_hash = :hash and active""").param("hash", sha256(bearer))
                .query((rs, n) -> new SourceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        (Long) rs.getObject(5))).optional().orElse(null);
        if (src == null) {
            throttle.record(address, AuditRecord.of("evaluation.push", "RatingSource", "?")
                    .outcome(AuditOutcome.DENIED).reason("unknown or inactive source token from " + address));
            throw new AccessDeniedException(messages.text("evaluation.source.token"));
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (r.externalId() == null || !r.externalId().matches("[A-Za-z0-9_.:-]{1,40}")) {
            errors.add("externalId", messages.text("evaluation.push.externalId"));
        }
        if (r.faceToFace() == null) {
            errors.add("faceToFace", messages.text("evaluation.faceToFace.required"));
        }
        Instant now = clock.instant();
        Instant at = r.ratedAt() == null ? now : r.ratedAt().toInstant();
        if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(now.minus(Duration.ofDays(90)))) {
            errors.add("ratedAt", messages.text("evaluation.push.ratedAt"));
        }
        Ratings.Scheme scheme = ratings.scheme();
        Ratings.Checked checked = ratings.check(scheme, r.level(), r.reasons(), r.comment(), r.indicators(),
                !Boolean.FALSE.equals(r.faceToFace()), errors);
        String phone = phone(r.raterPhone(), errors, messages);
        String type = r.object() == null && src.windowId() != null ? "WINDOW" : r.object();
        String ref = r.object() == null && src.windowId() != null ? String.valueOf(src.windowId()) : r.ref();
        Optional<RatingObjects.Resolved> resolved = RatingObjects.TYPES.contains(String.valueOf(type))
                ? objects.resolve(type, ref) : Optional.empty();
        if (!RatingObjects.TYPES.contains(String.valueOf(type))) {
            errors.add("object", messages.text("evaluation.object.type"));
        } else if (resolved.isEmpty() || !covers(src.regionId(), resolved.get().regionId())
                || src.windowId() != null && !src.windowId().equals(resolved.get().windowId())) {
            // a source rates within its region; a window's device only that window (and its staff)
            errors.add("ref", messages.text("evaluation.object.notFound"));
        } else {
            resolved = caseStep(resolved, r.step(), errors);
        }
        errors.throwIfAny();
        RatingObjects.Resolved o = resolved.orElseThrow();
        String channel = PUSH_CHANNEL.get(src.kind());
        try {
            long id = tx.execute(s -> store.store(new RatingStore.NewRating(scheme.version(), o.type(), o.objectId(),
                    o.caseFile() == null ? null : o.caseFile().id(), o.caseFile() == null ? null : r.step(), channel,
                    r.faceToFace(), r.level(),
                    checked.reasons(), r.comment(), r.indicators(), null, null, phone, o.regionId(), o.departmentId(),
                    o.matterId(), o.windowId(), o.handledBy(), "source:" + src.code(), src.id(), null,
                    "src:" + src.id() + ":" + r.externalId(), null, at)));
            return new Stored(id, o.type(), o.objectId(), channel, r.level(), r.level() <= 2, "source:" + src.code());
        } catch (DuplicateKeyException e) {
            if (String.valueOf(e.getMessage()).contains("rating_case_step_uk")) {
                throw InvalidInputException.of("step", messages.text("evaluation.step.rated"));
            }
            throw new org.oneseal.shared.ConflictException("externalId", messages.text("evaluation.push.duplicate", r.externalId()));
        }
    }

    private boolean covers(long sourceRegion, long objectRegion) {
        return sourceRegion == objectRegion || objects.regionsUnder(sourceRegion).contains(objectRegion);
    }

    /** The rater's phone without spaces and hyphens, null when none was given; a malformed one is an error. */
    static String phone(String raw, InvalidInputException.Collector errors, EvaluationMessages messages) {
        if (!PhoneNumbers.given(raw)) {
            return null;
        }
        return PhoneNumbers.normalised(raw).orElseGet(() -> {
            errors.add("raterPhone", messages.text("evaluation.raterPhone.format"));
            return null;
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
