package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vanguard posts (党员先锋岗): a service window of the hall marked as a vanguard post held by a member from a day
 * (until a day), one holder at a time. Marked and ended by whoever manages the member's organisation. Other modules
 * ask {@link #vanguardPostOf(long)} (the hall could show a badge at the window); the window is identity's org unit,
 * stored by id only.
 */
@Service
public class VanguardPosts {

    private final JdbcClient jdbc;
    private final PartyRecords records;
    private final OrganisationManagement units;
    private final AuditLog audit;

    VanguardPosts(JdbcClient jdbc, PartyRecords records, OrganisationManagement units, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.units = units;
        this.audit = audit;
    }

    record Post(long id, long windowId, String windowName, long memberId, String memberName, LocalDate since,
                LocalDate until) {
    }

    record NewPost(Long windowId, Long memberId, LocalDate since) {
    }

    /**
     * The name of the member who holds the vanguard post at a service window today, if the window is one. For other
     * modules (a badge at the window); only the name, which the window shows anyway.
     */
    @Transactional(readOnly = true)
    public Optional<String> vanguardPostOf(long windowId) {
        return jdbc.sql("""
                select m.name from oneseal.party_vanguard_post p join oneseal.party_member m on m.id = p.member_id
                where p.window_id = :w and p.since <= :today and (p.until is null or p.until >= :today)
                order by p.since desc limit 1""").param("w", windowId).param("today", records.today())
                .query(String.class).optional();
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    Post mark(NewPost p) {
        if (p.memberId() == null) {
            throw InvalidInputException.of("memberId", records.text("party.assessment.member"));
        }
        records.requireMemberManaged(p.memberId(), "party.vanguardPost.mark");
        var errors = new InvalidInputException.Collector();
        if (p.windowId() == null || units.serviceWindow(p.windowId()).isEmpty()) {
            errors.add("windowId", records.text("party.window.invalid"));
        }
        LocalDate since = records.pastDay(errors, "since", p.since());
        errors.throwIfAny();
        if (!records.memberOfBureauOn(p.memberId(), since)) {
            throw InvalidInputException.of("memberId", records.text("party.notMemberOn", since));
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "party-vanguard-" + p.windowId())
                .query().listOfRows();
        Optional<Post> overlapping = query("p.window_id = :w and (p.until is null or p.until >= :since)",
                Map.of("w", p.windowId(), "since", since)).stream().findFirst();
        if (overlapping.isPresent()) {
            throw new ConflictException("windowId", records.text("party.vanguardPost.taken",
                    overlapping.get().memberName(), overlapping.get().since()));
        }
        long id = jdbc.sql("""
                insert into oneseal.party_vanguard_post (window_id, member_id, since, recorded_by, recorded_at)
                values (:w, :m, :s, :by, :at) returning id""").param("w", p.windowId()).param("m", p.memberId())
                .param("s", since).param("by", records.access().staff().getUsername())
                .param("at", Timestamp.from(records.instant())).query(Long.class).single();
        audit.record(AuditRecord.of("party.vanguardPost.mark", "PartyVanguardPost", id).reason("window " + p.windowId()));
        return query("p.id = :id", Map.of("id", id)).getFirst();
    }

    /** Ends a post (the last day the member held it). */
    @Transactional(noRollbackFor = NotFoundException.class)
    Post end(long id, LocalDate until) {
        Post post = query("p.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("vanguard post " + id));
        records.requireMemberManaged(post.memberId(), "party.vanguardPost.end");
        if (post.until() != null) {
            throw new BusinessRuleViolation("party.vanguardPost.ended", records.text("party.vanguardPost.ended"));
        }
        var errors = new InvalidInputException.Collector();
        records.pastDay(errors, "until", until);
        if (until != null && until.isBefore(post.since())) {
            errors.add("until", records.text("party.vanguardPost.beforeSince", post.since()));
        }
        errors.throwIfAny();
        // only an open post: of two endings at once the second finds it ended (and does not write over its day)
        if (jdbc.sql("update oneseal.party_vanguard_post set until = :u where id = :id and until is null")
                .param("u", until).param("id", id).update() == 0) {
            throw new BusinessRuleViolation("party.vanguardPost.ended", records.text("party.vanguardPost.ended"));
        }
        audit.record(AuditRecord.of("party.vanguardPost.end", "PartyVanguardPost", id).reason(String.valueOf(until)));
        return query("p.id = :id", Map.of("id", id)).getFirst();
    }

    /** The posts the caller sees (held by members of organisations they see, and their own), current first. */
    @Transactional(readOnly = true)
    List<Post> visible() {
        records.requireInTree("party.vanguardPost.list");
        return query("p.member_id = :me or (%s) in (:visible)".formatted(PartyRecords.LAST_ORG.formatted("p.member_id")),
                Map.of("visible", records.visible(), "me", records.access().myMemberId().orElse(-1L)));
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    List<Post> ofMember(long memberId) {
        records.requireMemberVisible(memberId, "party.vanguardPost.read");
        return query("p.member_id = :id", Map.of("id", memberId));
    }

    private List<Post> query(String condition, Map<String, ?> params) {
        Map<Long, String> windows = units.unitNames();
        return jdbc.sql("""
                select p.*, m.name as member_name from oneseal.party_vanguard_post p
                join oneseal.party_member m on m.id = p.member_id
                where %s order by (p.until is null) desc, p.since desc, p.id desc""".formatted(condition)).params(params)
                .query((rs, n) -> new Post(rs.getLong("id"), rs.getLong("window_id"), windows.get(rs.getLong("window_id")),
                        rs.getLong("member_id"), rs.getString("member_name"), rs.getDate("since").toLocalDate(),
                        rs.getDate("until") == null ? null : rs.getDate("until").toLocalDate())).list();
    }
}
