package org.oneseal.evaluation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.audit.AuditThrottle;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 一次一评 in the hall: each window's QR code opens a phone page without login. The page carries a signed visit token
 * (window, time, a random visit key), made without touching the database; the rating it posts is stored once per
 * visit key (a resubmission is refused). Scripted floods are refused by: a token younger than the minimum reading
 * time or older than its life; no device cookie (the page sets one, scripts rarely keep it); more than one rating per
 * device and window a day; more than the hourly limit of posts from one network address (every post counts, refused
 * ones too). Refusals are audited, at most once a minute per address, so that a flood cannot flood the audit log.
 */
@Service
public class HallRatings {

    private final OrganisationManagement organisation;
    private final RatingObjects objects;
    private final Ratings ratings;
    private final RatingStore store;
    private final EvaluationMessages messages;
    private final AuditThrottle throttle;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration minAge;
    private final Duration maxAge;
    private final int perAddressPerHour;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, CachedWindow> windows = new ConcurrentHashMap<>();
    private final Map<String, int[]> addressCounts = new ConcurrentHashMap<>();
    private volatile long addressHour = -1;
    private volatile byte[] key;

    HallRatings(OrganisationManagement organisation, RatingObjects objects, Ratings ratings, RatingStore store,
            EvaluationMessages messages, AuditThrottle throttle, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            @Value("${oneseal.evaluation.hall.min-reading-time:PT3S}") Duration minAge,
            @Value("${oneseal.evaluation.hall.token-life:PT30M}") Duration maxAge,
            @Value("${oneseal.evaluation.hall.per-address-per-hour:30}") int perAddressPerHour) {
        this.organisation = organisation;
        this.objects = objects;
        this.ratings = ratings;
        this.store = store;
        this.messages = messages;
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.perAddressPerHour = perAddressPerHour;
    }

    private record CachedWindow(Optional<OrgUnitView> window, Instant until) {
    }

    /** The page's content: the window, the scheme, and a fresh visit token. */
    public record Visit(OrgUnitView window, Ratings.Scheme scheme, String token) {
    }

    /** What the rater sends from the page. */
    public record HallRating(String token, Integer level, List<String> reasons, String comment,
                             Map<String, Integer> indicators, String raterPhone) {
    }

    /** A new visit of a window's page; "not found" for a window that does not exist or is closed. */
    public Visit visit(long windowId) {
        OrgUnitView w = window(windowId).orElseThrow(() -> new NotFoundException("window " + windowId));
        byte[] visitKey = new byte[16];
        random.nextBytes(visitKey);
        ByteBuffer body = ByteBuffer.allocate(8 + 8 + 16).putLong(windowId).putLong(clock.millis()).put(visitKey);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
        return new Visit(w, ratings.scheme(), payload + "." + sign(payload));
    }

    /**
     * Stores the rating of a visit. {@code device} is the page's device cookie (null when the client kept none),
     * {@code address} the client's network address. Answers the rating's id.
     */
    public long rate(long windowId, HallRating r, String device, String address) {
        OrgUnitView w = window(windowId).orElseThrow(() -> new NotFoundException("window " + windowId));
        String deviceKey = device == null || device.isBlank() ? null : ChannelRatings.sha256("device:" + device.strip());
        // every post counts against its address first, whatever it carries: forged tokens and fresh cookies too
        boolean withinLimit = countAddress(address);
        Instant now = clock.instant();
        // the token: signed by us, for this window, read for a human's time at least, not stale
        String visitKey = null;
        String refusal = withinLimit ? null : "hourly limit of one network address";
        if (refusal != null) {
            auditRefusal(address, windowId, w.regionId(), refusal);
            throw InvalidInputException.of("token", messages.text("evaluation.hall.refused"));
        }
        if (r.token() == null || !r.token().contains(".")) {
            refusal = "no visit token";
        } else {
            String payload = r.token().substring(0, r.token().indexOf('.'));
            String signature = r.token().substring(r.token().indexOf('.') + 1);
            byte[] body = decode(payload);
            if (body == null || body.length != 32 || !MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8))) {
                refusal = "visit token forged";
            } else {
                ByteBuffer b = ByteBuffer.wrap(body);
                long tokenWindow = b.getLong();
                Instant issued = Instant.ofEpochMilli(b.getLong());
                byte[] nonce = new byte[16];
                b.get(nonce);
                if (tokenWindow != windowId) {
                    refusal = "visit token of another window";
                } else if (issued.plus(minAge).isAfter(now)) {
                    refusal = "rated faster than a person reads";
                } else if (issued.plus(maxAge).isBefore(now)) {
                    throw InvalidInputException.of("token", messages.text("evaluation.hall.expired"));
                } else {
                    visitKey = "qr:" + HexFormat.of().formatHex(nonce);
                }
            }
        }
        if (refusal == null && deviceKey == null) {
            refusal = "no device cookie";
        }
        if (refusal == null && jdbc.sql("""
                select exists (select 1 from oneseal.rating where device_key = :device and day = :day
                and window_id = :window)""").param("device", deviceKey).param("day", LocalDate.now(clock))
                .param("window", windowId).query(Boolean.class).single()) {
            refusal = "second rating of the window from one device today";
            auditRefusal(address, windowId, w.regionId(), refusal);
            throw InvalidInputException.of("token", messages.text("evaluation.hall.again"));
        }
        if (refusal != null) {
            auditRefusal(address, windowId, w.regionId(), refusal);
            throw InvalidInputException.of("token", messages.text("evaluation.hall.refused"));
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        Ratings.Scheme scheme = ratings.scheme();
        Ratings.Checked checked = ratings.check(scheme, r.level(), r.reasons(), r.comment(), r.indicators(), true,
                errors);
        String phone = ChannelRatings.phone(r.raterPhone(), errors, messages);
        errors.throwIfAny();
        RatingObjects.Resolved o = objects.window(w);
        String key = visitKey;
        String contact = phone;
        try {
            return tx.execute(s -> store.store(new RatingStore.NewRating(scheme.version(), "WINDOW", o.objectId(), null,
                    null, "QR", true, r.level(), checked.reasons(), r.comment(), r.indicators(), null, null, contact,
                    o.regionId(), null, null, o.windowId(), null, "qr", null, null, key, deviceKey, now)));
        } catch (DuplicateKeyException e) {
            auditRefusal(address, windowId, w.regionId(), "visit token used again");
            throw InvalidInputException.of("token", messages.text("evaluation.hall.again"));
        }
    }

    private void auditRefusal(String address, long windowId, long regionId, String why) {
        throttle.record(address, AuditRecord.of("evaluation.hall.rate", "Window", windowId)
                .outcome(AuditOutcome.FAILURE).region(regionId).reason(why));
    }

    /** Counts a rating from the address in this hour; false when the address is past its limit. */
    private synchronized boolean countAddress(String address) {
        long hour = clock.millis() / 3_600_000L;
        if (hour != addressHour) {
            addressCounts.clear();
            addressHour = hour;
        }
        int[] n = addressCounts.computeIfAbsent(address == null ? "?" : address, a -> new int[1]);
        return ++n[0] <= perAddressPerHour;
    }

    private Optional<OrgUnitView> window(long id) {
        Instant now = clock.instant();
        CachedWindow c = windows.get(id);
        if (c == null || c.until().isBefore(now)) {
            c = new CachedWindow(organisation.serviceWindow(id), now.plusSeconds(60));
            if (windows.size() > 10_000) {
                windows.clear();
            }
            windows.put(id, c);
        }
        return c.window();
    }

    private static byte[] decode(String s) {
        try {
            return Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signing key, shared by every node through the database; made by whichever node needs it first. */
    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            jdbc.sql("insert into oneseal.rating_visit_key (id, secret) values (1, :s) on conflict (id) do nothing")
                    .param("s", fresh).update();
            k = jdbc.sql("select secret from oneseal.rating_visit_key where id = 1").query(byte[].class).single();
            key = k;
        }
        return k;
    }
}
