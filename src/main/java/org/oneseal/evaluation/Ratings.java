package org.oneseal.evaluation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.casework.CaseDetail;
import org.oneseal.casework.CaseQueries;
import org.oneseal.casework.CaseView;
import org.oneseal.casework.RatedCase;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一事一评: the applicant rates a step of their own case — reception, acceptance (once accepted), conclusion (once
 * concluded) — once per step, with a level 1–5, reasons of that level and optionally the online indicators, from the
 * current scheme. A bad review (levels 2 and 1) names at least one reason and opens a rectification for whoever
 * handled the step (谁办理谁负责). Refusals (another's case, a second rating, a foreign reason) are audited. The
 * checks of level, reasons, comment and indicators are shared by every channel ({@link #check}).
 */
@Service
public class Ratings {

    static final Set<String> STEPS = Set.of("RECEPTION", "ACCEPTANCE", "CONCLUSION");

    private final JdbcClient jdbc;
    private final CaseQueries cases;
    private final CurrentUser currentUser;
    private final EvaluationMessages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final RatingStore store;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Scheme cached;
    private final Map<Integer, Scheme> versions = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long cachedUntil;

    Ratings(JdbcClient jdbc, CaseQueries cases, CurrentUser currentUser, EvaluationMessages messages, AuditLog audit,
            Clock clock, TransactionTemplate tx, RatingStore store) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.store = store;
    }

    /**
     * The scheme in force: its version; per level 1–5 the level's name and reasons (code → text); the indicators of
     * the online and the in-person sets (code → name).
     */
    public record Scheme(int version, Map<Integer, Level> levels, Map<String, Map<String, String>> indicators) {

        Map<String, String> indicatorSet(boolean faceToFace) {
            return indicators.getOrDefault(faceToFace ? "IN_PERSON" : "ONLINE", Map.of());
        }
    }

    /** One level of the scheme. */
    public record Level(String name, Map<String, String> reasons) {
    }

    /** What the rater says of a case step. */
    public record RatingRequest(String step, Integer level, List<String> reasons, String comment,
                                Map<String, Integer> indicators) {

        public RatingRequest(String step, Integer level, List<String> reasons, String comment) {
            this(step, level, reasons, comment, null);
        }
    }

    /** A stored rating as its rater sees it. */
    public record RatingView(long id, long caseId, String step, int level, List<String> reasons, boolean rectification) {
    }

    /** The scheme in force (kept for 30 s: another node's new version is in force here at most that much later). */
    public Scheme scheme() {
        Scheme s = cached;
        if (s == null || cachedUntil < System.nanoTime()) {
            s = jdbc.sql("select version, content::text from oneseal.rating_scheme order by version desc limit 1")
                    .query((rs, n) -> parse(rs.getInt(1), rs.getString(2))).single();
            cached = s;
            cachedUntil = System.nanoTime() + 30_000_000_000L;
        }
        return s;
    }

    /** A version of the scheme (versions never change once written: kept). */
    Scheme version(int version) {
        return versions.computeIfAbsent(version, v -> jdbc.sql(
                        "select version, content::text from oneseal.rating_scheme where version = :v").param("v", v)
                .query((rs, n) -> parse(rs.getInt(1), rs.getString(2))).single());
    }

    /** The texts of a rating's reasons (stored as comma-separated codes), in the scheme version it was given under. */
    List<String> reasonTexts(int schemeVersion, int level, String codes) {
        Level l = version(schemeVersion).levels().get(level);
        List<String> texts = new java.util.ArrayList<>();
        for (String code : codes.split(",")) {
            if (!code.isEmpty()) {
                texts.add(l.reasons().getOrDefault(code, code));
            }
        }
        return texts;
    }

    /** A new version of the scheme as the administrator writes it. */
    public record SchemeRequest(Map<Integer, Level> levels, Map<String, Map<String, String>> indicators) {
    }

    /**
     * Puts a new version of the scheme in force: the five levels, each with its name and reasons (codes unique across
     * levels; the bad levels need reasons), and the indicators of the ONLINE and IN_PERSON sets. Ratings keep the
     * version they were given under; nothing of an older version changes.
     */
    @Transactional
    @PreAuthorize("hasAuthority('evaluation:configure')")
    public Scheme publishScheme(SchemeRequest r) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        Set<String> codes = new java.util.HashSet<>();
        if (r.levels() == null || !r.levels().keySet().equals(Set.of(1, 2, 3, 4, 5))) {
            errors.add("levels", messages.text("evaluation.scheme.levels"));
        } else {
            for (int l = 1; l <= 5; l++) {
                Level level = r.levels().get(l);
                if (level == null || level.name() == null || level.name().isBlank() || level.name().length() > 20) {
                    errors.add("levels." + l + ".name", messages.text("evaluation.scheme.name"));
                }
                Map<String, String> reasons = level == null || level.reasons() == null ? Map.of() : level.reasons();
                if (l <= 2 && reasons.isEmpty() || reasons.size() > 12) {
                    errors.add("levels." + l + ".reasons", messages.text("evaluation.scheme.reasons"));
                }
                for (Map.Entry<String, String> e : reasons.entrySet()) {
                    if (!e.getKey().matches("[A-Z][A-Z0-9]{1,7}") || !codes.add(e.getKey()) || e.getValue() == null
                            || e.getValue().isBlank() || e.getValue().length() > 40) {
                        errors.add("levels." + l + ".reasons", messages.text("evaluation.scheme.reason", e.getKey()));
                        break;
                    }
                }
            }
        }
        Map<String, Map<String, String>> indicators = r.indicators() == null ? Map.of() : r.indicators();
        if (!indicators.keySet().equals(Set.of("ONLINE", "IN_PERSON"))) {
            errors.add("indicators", messages.text("evaluation.scheme.indicatorSets"));
        } else {
            indicators.forEach((set, names) -> {
                if (names == null || names.isEmpty() || names.size() > 10 || names.entrySet().stream().anyMatch(e ->
                        !e.getKey().matches("[A-Z][A-Z_]{1,19}") || e.getValue() == null || e.getValue().isBlank()
                                || e.getValue().length() > 20)) {
                    errors.add("indicators." + set, messages.text("evaluation.scheme.indicators"));
                }
            });
        }
        errors.throwIfAny();
        Map<String, Object> levels = new LinkedHashMap<>();
        r.levels().forEach((l, level) -> levels.put(String.valueOf(l), Map.of("name", level.name().strip(),
                "reasons", level.reasons() == null ? Map.of() : level.reasons())));
        int version = jdbc.sql("""
                insert into oneseal.rating_scheme (version, content, created_at)
                select coalesce(max(version), 0) + 1, cast(:content as jsonb), :at from oneseal.rating_scheme
                returning version""")
                .param("content", json.writeValueAsString(Map.of("levels", levels, "indicators", indicators)))
                .param("at", java.sql.Timestamp.from(clock.instant())).query(Integer.class).single();
        audit.record(AuditRecord.of("evaluation.scheme.publish", "RatingScheme", version));
        cached = null;
        return scheme();
    }

    /** What was checked: the reasons as a set; whether a reason belongs to another level (a crafted request). */
    record Checked(Set<String> reasons, boolean foreign) {
    }

    /**
     * The checks every channel shares: a level of the scheme, reasons of that level only (a bad review names one at
     * least), a comment of at most 500 characters, indicators of the channel's set scored 1–5.
     */
    Checked check(Scheme scheme, Integer levelNumber, List<String> reasonCodes, String comment,
            Map<String, Integer> indicators, boolean faceToFace, InvalidInputException.Collector errors) {
        Level level = levelNumber == null ? null : scheme.levels().get(levelNumber);
        if (level == null) {
            errors.add("level", messages.text("evaluation.level.range"));
        }
        Set<String> reasons = new LinkedHashSet<>(reasonCodes == null ? List.of() : reasonCodes);
        boolean foreign = level != null && reasons.stream().anyMatch(code -> !level.reasons().containsKey(code));
        if (foreign) {
            errors.add("reasons", messages.text("evaluation.reason.foreign", level.name()));
        } else if (level != null && levelNumber <= 2 && reasons.isEmpty()) {
            errors.add("reasons", messages.text("evaluation.reason.required"));
        }
        if (comment != null && comment.length() > 500) {
            errors.add("comment", messages.text("evaluation.comment.size"));
        }
        if (indicators != null) {
            Map<String, String> set = scheme.indicatorSet(faceToFace);
            for (Map.Entry<String, Integer> e : indicators.entrySet()) {
                if (!set.containsKey(e.getKey())) {
                    errors.add("indicators", messages.text("evaluation.indicator.unknown", e.getKey()));
                    break;
                }
                if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 5) {
                    errors.add("indicators", messages.text("evaluation.indicator.range", set.get(e.getKey())));
                    break;
                }
            }
        }
        return new Checked(reasons, foreign);
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
            errors.add("step", messages.text("evaluation.step.unknown"));
        } else if ("ACCEPTANCE".equals(step) && c.acceptedOn() == null || "CONCLUSION".equals(step) && c.concludedOn() == null) {
            errors.add("step", messages.text("evaluation.step.notYet"));
        }
        Checked checked = check(scheme, r.level(), r.reasons(), r.comment(), r.indicators(), false, errors);
        if (checked.foreign()) { // reasons of another level: a crafted request, not a slip of the form
            audit.recordIndependently(AuditRecord.of("evaluation.rate", "Case", caseId).outcome(AuditOutcome.FAILURE)
                    .region(c.regionId()).reason("reasons outside level " + r.level()));
        }
        errors.throwIfAny();
        RatedCase rated = cases.rated(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        String handler = cases.handlerOf(caseId, step).orElse(null);
        try {
            long id = tx.execute(status -> store.store(new RatingStore.NewRating(scheme.version(), "CASE",
                    String.valueOf(caseId), caseId, step, "PORTAL", false, r.level(), checked.reasons(), r.comment(),
                    r.indicators(), me.accountId(), null, null, c.regionId(), rated.departmentId(), rated.matterId(),
                    null, handler, "portal", null, null, null, null, clock.instant())));
            return new RatingView(id, caseId, step, r.level(), List.copyOf(checked.reasons()), r.level() <= 2);
        } catch (DuplicateKeyException e) {
            audit.recordIndependently(AuditRecord.of("evaluation.rate", "Case", caseId).outcome(AuditOutcome.FAILURE)
                    .region(c.regionId()).reason("second rating of " + step));
            throw InvalidInputException.of("step", messages.text("evaluation.step.rated"));
        }
    }

    /** The applicant's ratings of a case (no transaction of its own: "not found" must not mark one rollback-only). */
    public List<RatingView> myRatings(long caseId) {
        cases.myCase(caseId); // ownership
        return jdbc.sql("""
                select r.id, r.case_id, r.step, r.level, r.reasons, exists (select 1 from oneseal.rectification x
                       where x.rating_id = r.id) from oneseal.rating r where r.case_id = :id and r.channel = 'PORTAL'
                order by r.id""")
                .param("id", caseId)
                .query((rs, n) -> new RatingView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5).isEmpty() ? List.of() : List.of(rs.getString(5).split(",")), rs.getBoolean(6)))
                .list();
    }

    private Scheme parse(int version, String content) {
        JsonNode root = json.readTree(content);
        JsonNode levels = root.get("levels");
        Map<Integer, Level> map = new TreeMap<>();
        for (int l = 1; l <= 5; l++) {
            JsonNode node = levels.get(String.valueOf(l));
            Map<String, String> reasons = new LinkedHashMap<>();
            node.get("reasons").properties().forEach(e -> reasons.put(e.getKey(), e.getValue().asString()));
            map.put(l, new Level(node.get("name").asString(), reasons));
        }
        Map<String, Map<String, String>> indicators = new LinkedHashMap<>();
        if (root.has("indicators")) {
            root.get("indicators").properties().forEach(set -> {
                Map<String, String> names = new LinkedHashMap<>();
                set.getValue().properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
                indicators.put(set.getKey(), names);
            });
        }
        return new Scheme(version, map, indicators);
    }
}
