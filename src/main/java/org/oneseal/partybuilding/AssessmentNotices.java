package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly assessment notice (考核通报): published by the organ committee's managers once the month is over, it
 * freezes the month's grades and shows every member of the tree, per branch, how many got each grade, how many
 * were not graded, and the names of the excellent (优秀) — never the other members' names or comments. Before
 * publication whoever sees the organ committee may preview it.
 */
@Service
class AssessmentNotices {

    private final JdbcClient jdbc;
    private final PartyRecords records;
    private final AuditLog audit;

    AssessmentNotices(JdbcClient jdbc, PartyRecords records, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.audit = audit;
    }

    /** A branch's results in the notice. */
    record BranchResult(long orgId, String orgName, Map<String, Long> counts, long notGraded, List<String> excellent) {
    }

    record Notice(YearMonth month, boolean published, LocalDate publishedOn, List<BranchResult> branches,
                  Map<String, Long> totals) {
    }

    record Published(YearMonth month, LocalDate publishedOn) {
    }

    /** Publishes the month's notice: the month must be over, graded at all, and not yet published. */
    @Transactional(noRollbackFor = NotFoundException.class)
    Notice publish(String monthText) {
        long committee = records.requireCommitteeManaged("party.assessment.publish");
        var errors = new InvalidInputException.Collector();
        YearMonth month = records.month(errors, "month", monthText);
        if (month != null && !month.isBefore(YearMonth.from(records.today()))) {
            errors.add("month", records.text("party.notice.notOver"));
        }
        errors.throwIfAny();
        lock(month);
        if (published(month)) {
            throw new ConflictException("month", records.text("party.notice.duplicate", month));
        }
        if (!jdbc.sql("select exists (select 1 from oneseal.party_assessment where month = :m)")
                .param("m", month.atDay(1)).query(Boolean.class).single()) {
            throw new BusinessRuleViolation("party.notice.empty", records.text("party.notice.empty", month));
        }
        jdbc.sql("""
                insert into oneseal.party_assessment_notice (month, committee_id, published_on, published_by, published_at)
                values (:m, :c, :on, :by, :at)""").param("m", month.atDay(1)).param("c", committee)
                .param("on", records.today()).param("by", records.access().staff().getUsername())
                .param("at", Timestamp.from(records.instant())).update();
        audit.record(AuditRecord.of("party.assessment.publish", "PartyAssessmentNotice", month.toString()));
        return build(month, committee);
    }

    /** The published notices, newest first (every member of the tree reads them). */
    @Transactional(readOnly = true)
    List<Published> list() {
        records.requireInTree("party.notice.list");
        return jdbc.sql("select month, published_on from oneseal.party_assessment_notice order by month desc")
                .query((rs, n) -> new Published(YearMonth.from(rs.getDate(1).toLocalDate()),
                        rs.getDate(2).toLocalDate())).list();
    }

    /** A month's notice: published, for every member of the tree; not yet published, a preview for the committee. */
    @Transactional(noRollbackFor = NotFoundException.class)
    Notice notice(String monthText) {
        records.requireInTree("party.notice.read");
        var errors = new InvalidInputException.Collector();
        YearMonth month = records.month(errors, "month", monthText);
        errors.throwIfAny();
        long committee = records.organCommittee();
        if (!published(month)) {
            records.access().requireVisible(committee, "party.notice.preview");
        }
        return build(month, committee);
    }

    boolean published(YearMonth month) {
        return jdbc.sql("select exists (select 1 from oneseal.party_assessment_notice where month = :m)")
                .param("m", month.atDay(1)).query(Boolean.class).single();
    }

    /** Serialises the month's changes with its publication, and refuses any change once it is published. */
    void lockOpen(YearMonth month) {
        lock(month);
        if (published(month)) {
            throw new BusinessRuleViolation("party.assessment.frozen", records.text("party.assessment.frozen", month));
        }
    }

    private void lock(YearMonth month) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "party-assessment-" + month)
                .query().listOfRows();
    }

    private Notice build(YearMonth month, long committee) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<BranchResult> branches = jdbc.sql("""
                select o.id, o.name from oneseal.party_org o where o.kind = 'BRANCH' and o.id in (%s)
                and o.founded_on <= :last and (o.dissolved_on is null or o.dissolved_on >= :first) order by o.name"""
                .formatted(PartyOrganisation.SUBTREE)).param("org", committee).param("first", first).param("last", last)
                .query((rs, n) -> branch(rs.getLong(1), rs.getString(2), month)).list();
        Map<String, Long> totals = new LinkedHashMap<>();
        Assessments.GRADES.forEach(g -> totals.put(g, branches.stream().mapToLong(b -> b.counts().get(g)).sum()));
        LocalDate publishedOn = jdbc.sql("select published_on from oneseal.party_assessment_notice where month = :m")
                .param("m", first).query(LocalDate.class).optional().orElse(null);
        return new Notice(month, publishedOn != null, publishedOn, branches, totals);
    }

    private BranchResult branch(long orgId, String name, YearMonth month) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Assessments.GRADES.forEach(g -> counts.put(g, 0L));
        jdbc.sql("select grade, count(*) from oneseal.party_assessment where org_id = :o and month = :m group by grade")
                .param("o", orgId).param("m", month.atDay(1)).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        List<String> excellent = jdbc.sql("""
                select m.name from oneseal.party_assessment a join oneseal.party_member m on m.id = a.member_id
                where a.org_id = :o and a.month = :month and a.grade = 'EXCELLENT' order by m.name""")
                .param("o", orgId).param("month", month.atDay(1)).query(String.class).list();
        long notGraded = jdbc.sql("""
                select count(distinct s.member_id) from oneseal.party_membership s where s.org_id in (%s)
                and s.since <= :last and (s.until is null or s.until >= :first)
                and not exists (select 1 from oneseal.party_assessment a where a.member_id = s.member_id and a.month = :first)"""
                .formatted(PartyOrganisation.SUBTREE)).param("org", orgId).param("first", month.atDay(1))
                .param("last", month.atEndOfMonth()).query(Long.class).single();
        return new BranchResult(orgId, name, counts, notGraded, excellent);
    }
}
