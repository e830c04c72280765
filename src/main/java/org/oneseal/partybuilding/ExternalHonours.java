package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Honours received from outside the bureau (外部荣誉), by a member or by an organisation: the honour, its level
 * (NATIONAL 国家级, PROVINCIAL 省级, CITY 市级, COUNTY 县级), the awarding body and the day. Recorded by whoever manages
 * the organisation concerned (the member's); a member honoured must have been a member on the day.
 */
@Service
class ExternalHonours {

    static final List<String> LEVELS = List.of("NATIONAL", "PROVINCIAL", "CITY", "COUNTY");

    private final JdbcClient jdbc;
    private final PartyRecords records;
    private final AuditLog audit;

    ExternalHonours(JdbcClient jdbc, PartyRecords records, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.audit = audit;
    }

    record Honour(long id, Long memberId, String memberName, Long orgId, String orgName, String honour, String level,
                  String awardingBody, LocalDate receivedOn) {
    }

    record NewHonour(Long memberId, Long orgId, String honour, String level, String awardingBody, LocalDate receivedOn) {
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    Honour record(NewHonour h) {
        if ((h.memberId() == null) == (h.orgId() == null)) {
            throw InvalidInputException.of("memberId", records.text("party.honour.subject"));
        }
        if (h.memberId() != null) {
            records.requireMemberManaged(h.memberId(), "party.honour.record");
        } else {
            records.access().requireManaged(h.orgId(), "party.honour.record");
        }
        var errors = new InvalidInputException.Collector();
        String honour = records.required(errors, "honour", h.honour(), 100, "party.honour.name");
        if (!PartyRecords.oneOf(LEVELS, h.level())) {
            errors.add("level", records.text("party.honour.level"));
        }
        String body = records.required(errors, "awardingBody", h.awardingBody(), 100, "party.awardingBody");
        LocalDate on = records.pastDay(errors, "receivedOn", h.receivedOn());
        errors.throwIfAny();
        if (h.memberId() != null && !records.memberOfBureauOn(h.memberId(), on)) {
            throw InvalidInputException.of("memberId", records.text("party.notMemberOn", on));
        }
        if (h.orgId() != null) {
            records.organisation().checkDay(records.organisation().org(h.orgId()), on, "receivedOn");
        }
        if (jdbc.sql("""
                select exists (select 1 from oneseal.party_external_honour where coalesce(member_id, 0) = :m
                and coalesce(org_id, 0) = :o and honour = :h and received_on = :on)""")
                .param("m", h.memberId() == null ? 0L : h.memberId()).param("o", h.orgId() == null ? 0L : h.orgId())
                .param("h", honour).param("on", on).query(Boolean.class).single()) {
            throw new ConflictException("honour", records.text("party.honour.duplicate"));
        }
        long id;
        try { // a second submission at once passes the check above; the unique key refuses it
            id = jdbc.sql("""
                    insert into oneseal.party_external_honour (member_id, org_id, honour, level, awarding_body, received_on,
                        recorded_by, recorded_at) values (:m, :o, :h, :l, :b, :on, :by, :at) returning id""")
                    .param("m", h.memberId()).param("o", h.orgId()).param("h", honour).param("l", h.level())
                    .param("b", body).param("on", on).param("by", records.access().staff().getUsername())
                    .param("at", Timestamp.from(records.instant())).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("honour", records.text("party.honour.duplicate"));
        }
        audit.record(AuditRecord.of("party.honour.record", "PartyExternalHonour", id).reason(h.level() + " " + honour));
        return query("e.id = :id", Map.of("id", id)).getFirst();
    }

    /** The honours the caller sees (of organisations they see, of members of those, and their own). */
    @Transactional(readOnly = true)
    List<Honour> visible() {
        records.requireInTree("party.honour.list");
        long me = records.access().myMemberId().orElse(-1L);
        return query("e.org_id in (:visible) or e.member_id = :me or (%s) in (:visible)"
                .formatted(PartyRecords.LAST_ORG.formatted("e.member_id")), Map.of("visible", records.visible(), "me", me));
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    List<Honour> ofMember(long memberId) {
        records.requireMemberVisible(memberId, "party.honour.read");
        return query("e.member_id = :id", Map.of("id", memberId));
    }

    private List<Honour> query(String condition, Map<String, ?> params) {
        return jdbc.sql("""
                select e.*, o.name as org_name, m.name as member_name from oneseal.party_external_honour e
                left join oneseal.party_org o on o.id = e.org_id left join oneseal.party_member m on m.id = e.member_id
                where %s order by e.received_on desc, e.id desc""".formatted(condition)).params(params)
                .query((rs, n) -> new Honour(rs.getLong("id"), (Long) rs.getObject("member_id"),
                        rs.getString("member_name"), (Long) rs.getObject("org_id"), rs.getString("org_name"),
                        rs.getString("honour"), rs.getString("level"), rs.getString("awarding_body"),
                        rs.getDate("received_on").toLocalDate())).list();
    }
}
