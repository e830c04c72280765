package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly work assessment (月度考核) of members and cadres: per member and month one grade — 优秀 EXCELLENT, 良好 GOOD,
 * 一般 FAIR, 较差 POOR — with a short comment (required for 优秀 and 较差: why). The branch the member belonged to that
 * month records it (whoever manages the branch). Recording the same member and month again is refused (409): a
 * grade is corrected by changing it, which is allowed until the month's notice is published ({@link
 * AssessmentNotices}); then the month is frozen. A member sees their own grades once published.
 */
@Service
class Assessments {

    static final List<String> GRADES = List.of("EXCELLENT", "GOOD", "FAIR", "POOR");

    private final JdbcClient jdbc;
    private final PartyRecords records;
    private final AssessmentNotices notices;
    private final AuditLog audit;

    Assessments(JdbcClient jdbc, PartyRecords records, AssessmentNotices notices, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.notices = notices;
        this.audit = audit;
    }

    /** A member's grade for a month. */
    record Grade(long id, YearMonth month, long memberId, String memberName, long orgId, String orgName, String grade,
                 String comment, boolean published) {
    }

    /** A member of the branch in the month, with their grade if recorded. */
    record Row(long memberId, String memberName, Grade grade) {
    }

    /** A branch's grading sheet for a month. */
    record Sheet(long orgId, String orgName, YearMonth month, boolean published, List<Row> rows) {
    }

    record NewGrade(String month, Long memberId, String grade, String comment) {
    }

    record GradeChange(String grade, String comment) {
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    Grade record(long orgId, NewGrade g) {
        records.access().requireManaged(orgId, "party.assessment.record");
        PartyOrganisation.Org org = records.organisation().org(orgId);
        var errors = new InvalidInputException.Collector();
        if (!"BRANCH".equals(org.kind())) {
            errors.add("orgId", records.text("party.assessment.branchOnly"));
        }
        YearMonth month = records.month(errors, "month", g.month());
        if (g.memberId() == null) {
            errors.add("memberId", records.text("party.assessment.member"));
        }
        String comment = gradeAndComment(errors, g.grade(), g.comment());
        errors.throwIfAny();
        if (!memberInMonth(orgId, g.memberId(), month)) {
            throw InvalidInputException.of("memberId", records.text("party.assessment.notMember", org.name(), month));
        }
        notices.lockOpen(month);
        if (jdbc.sql("select exists (select 1 from oneseal.party_assessment where member_id = :m and month = :month)")
                .param("m", g.memberId()).param("month", month.atDay(1)).query(Boolean.class).single()) {
            throw new ConflictException("memberId", records.text("party.assessment.duplicate", month));
        }
        long id = jdbc.sql("""
                insert into oneseal.party_assessment (month, member_id, org_id, grade, comment, recorded_by, recorded_at)
                values (:month, :m, :o, :g, :c, :by, :at) returning id""").param("month", month.atDay(1))
                .param("m", g.memberId()).param("o", orgId).param("g", g.grade()).param("c", comment)
                .param("by", records.access().staff().getUsername()).param("at", Timestamp.from(records.instant()))
                .query(Long.class).single();
        audit.record(AuditRecord.of("party.assessment.record", "PartyAssessment", id).reason(month + " " + g.grade()));
        return grade(id);
    }

    /** Corrects a grade before the month's notice is published. */
    @Transactional(noRollbackFor = NotFoundException.class)
    Grade change(long id, GradeChange c) {
        Grade before = grade(id);
        records.access().requireManaged(before.orgId(), "party.assessment.change");
        var errors = new InvalidInputException.Collector();
        String comment = gradeAndComment(errors, c.grade(), c.comment());
        errors.throwIfAny();
        notices.lockOpen(before.month());
        jdbc.sql("""
                update oneseal.party_assessment set grade = :g, comment = :c, changed_by = :by, changed_at = :at
                where id = :id""").param("g", c.grade()).param("c", comment)
                .param("by", records.access().staff().getUsername()).param("at", Timestamp.from(records.instant()))
                .param("id", id).update();
        audit.record(AuditRecord.of("party.assessment.change", "PartyAssessment", id)
                .reason(before.grade() + " → " + c.grade()));
        return grade(id);
    }

    /** The branch's members in the month (everyone who belonged to it or a cell below it), with their grades. */
    @Transactional(noRollbackFor = NotFoundException.class)
    Sheet sheet(long orgId, String monthText) {
        records.access().requireVisible(orgId, "party.assessment.list");
        PartyOrganisation.Org org = records.organisation().org(orgId);
        if (!"BRANCH".equals(org.kind())) { // grades are the branch's: a cell's leader does not read them
            throw InvalidInputException.of("orgId", records.text("party.assessment.branchOnly"));
        }
        var errors = new InvalidInputException.Collector();
        YearMonth month = records.month(errors, "month", monthText);
        errors.throwIfAny();
        List<Grade> grades = grades("a.month = :month", month.atDay(1));
        List<Row> rows = jdbc.sql("""
                select distinct m.id, m.name from oneseal.party_member m join oneseal.party_membership s on s.member_id = m.id
                where s.org_id in (%s) and s.since <= :last and (s.until is null or s.until >= :first)
                order by m.name, m.id""".formatted(PartyOrganisation.SUBTREE)).param("org", orgId).param("first", month.atDay(1))
                .param("last", month.atEndOfMonth())
                .query((rs, n) -> {
                    long member = rs.getLong(1);
                    return new Row(member, rs.getString(2), grades.stream().filter(x -> x.memberId() == member)
                            .findFirst().orElse(null));
                }).list();
        return new Sheet(orgId, org.name(), month, notices.published(month), rows);
    }

    /**
     * A member's grades, newest first: for whoever sees the branch that graded (each grade's {@code orgId}), and the
     * published ones for the member. Seeing only the member's cell (its leader) shows none: a grade, and above all its
     * comment, is a matter between the branch and the member.
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    List<Grade> ofMember(long memberId) {
        records.requireMemberVisible(memberId, "party.assessment.read");
        boolean own = records.isMe(memberId);
        var visible = records.access().visibleOrgs();
        return grades("a.member_id = :id", memberId).stream()
                .filter(g -> visible.contains(g.orgId()) || own && g.published()).toList();
    }

    private String gradeAndComment(InvalidInputException.Collector errors, String grade, String commentText) {
        if (!PartyRecords.oneOf(GRADES, grade)) {
            errors.add("grade", records.text("party.assessment.grade"));
        }
        String comment = records.optional(errors, "comment", commentText, 200);
        if (comment == null && ("EXCELLENT".equals(grade) || "POOR".equals(grade))) {
            errors.add("comment", records.text("party.assessment.commentRequired"));
        }
        return comment;
    }

    private boolean memberInMonth(long orgId, long memberId, YearMonth month) {
        return jdbc.sql("""
                select exists (select 1 from oneseal.party_membership s where s.member_id = :m and s.org_id in (%s)
                and s.since <= :last and (s.until is null or s.until >= :first))""".formatted(PartyOrganisation.SUBTREE))
                .param("m", memberId).param("org", orgId).param("first", month.atDay(1))
                .param("last", month.atEndOfMonth()).query(Boolean.class).single();
    }

    private Grade grade(long id) {
        return grades("a.id = :id", id).stream().findFirst().orElseThrow(() -> new NotFoundException("assessment " + id));
    }

    private List<Grade> grades(String condition, Object value) {
        String param = condition.substring(condition.indexOf(':') + 1);
        return jdbc.sql("""
                select a.*, m.name as member_name, o.name as org_name,
                       exists (select 1 from oneseal.party_assessment_notice n where n.month = a.month) as published
                from oneseal.party_assessment a join oneseal.party_member m on m.id = a.member_id
                join oneseal.party_org o on o.id = a.org_id where %s order by a.month desc, m.name""".formatted(condition))
                .param(param, value)
                .query((rs, n) -> new Grade(rs.getLong("id"), YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getLong("member_id"), rs.getString("member_name"), rs.getLong("org_id"),
                        rs.getString("org_name"), rs.getString("grade"), rs.getString("comment"),
                        rs.getBoolean("published"))).list();
    }

}
