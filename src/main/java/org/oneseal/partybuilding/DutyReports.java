package org.oneseal.partybuilding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Year-end duty and integrity reports (述职述廉): one per member and year, by members who held a party role that year —
 * submitted by the member, or recorded for them by whoever manages their organisation. The text, and optionally
 * the signed report as a PDF (at most 10 MB). Seen by the member and by whoever sees their organisation; a report
 * is not changed once submitted.
 */
@Service
class DutyReports {

    static final int MAX_TEXT = 20000;
    static final int MAX_BYTES = PartyFiles.MAX_BYTES;

    private final JdbcClient jdbc;
    private final PartyRecords records;
    private final AuditLog audit;

    DutyReports(JdbcClient jdbc, PartyRecords records, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.audit = audit;
    }

    record Report(long id, long memberId, String memberName, int year, String text, String attachmentName, boolean own,
                  String submittedBy, Instant submittedAt) {
    }

    /** An uploaded file: its name and content (null when none was chosen). */
    record Attachment(String name, byte[] content) {
    }

    record NewReport(Integer year, String text, Attachment attachment) {
    }

    /** The caller's own report (a member who held a role in the year). */
    @Transactional(noRollbackFor = NotFoundException.class)
    Report submitOwn(NewReport r) {
        long me = records.access().myMemberId().orElseThrow(() -> new AccessDeniedException("party members only"));
        return save(me, r, true);
    }

    /** A member's report recorded by the party-affairs worker (whoever manages the member's organisation). */
    @Transactional(noRollbackFor = NotFoundException.class)
    Report record(long memberId, NewReport r) {
        records.requireMemberManaged(memberId, "party.dutyReport.record");
        return save(memberId, r, false);
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    List<Report> ofMember(long memberId) {
        records.requireMemberVisible(memberId, "party.dutyReport.read");
        return reports("r.member_id = :id", memberId);
    }

    /** The report's PDF, for the member and whoever sees their organisation. */
    @Transactional(noRollbackFor = NotFoundException.class)
    Attachment attachment(long reportId) {
        Report r = reports("r.id = :id", reportId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("report " + reportId));
        records.requireMemberVisible(r.memberId(), "party.dutyReport.read");
        if (r.attachmentName() == null) {
            throw new NotFoundException("attachment of report " + reportId);
        }
        return new Attachment(r.attachmentName(), jdbc.sql("select attachment from oneseal.party_duty_report where id = :id")
                .param("id", reportId).query(byte[].class).single());
    }

    private Report save(long memberId, NewReport r, boolean own) {
        var errors = new InvalidInputException.Collector();
        int thisYear = records.today().getYear();
        if (r.year() == null || r.year() < 2000 || r.year() > thisYear) {
            errors.add("year", records.text("party.dutyReport.year", thisYear));
        }
        String text = records.required(errors, "text", r.text(), MAX_TEXT, "party.dutyReport.text");
        Attachment file = r.attachment() == null || r.attachment().content() == null ? null : r.attachment();
        if (file != null) {
            String problem = pdfProblem(file);
            if (problem != null) {
                errors.add("file", records.text(problem, file.name() == null ? "" : file.name().strip()));
            }
        }
        errors.throwIfAny();
        if (!records.heldRoleIn(memberId, r.year())) {
            throw InvalidInputException.of("year", records.text(own ? "party.dutyReport.noRoleOwn"
                    : "party.dutyReport.noRole", r.year()));
        }
        if (jdbc.sql("select exists (select 1 from oneseal.party_duty_report where member_id = :m and year = :y)")
                .param("m", memberId).param("y", r.year()).query(Boolean.class).single()) {
            throw new ConflictException("year", records.text("party.dutyReport.duplicate", r.year()));
        }
        long id;
        try { // a second submission at once passes the check above; the unique key refuses it
            id = jdbc.sql("""
                    insert into oneseal.party_duty_report (member_id, year, text, attachment_name, attachment, submitted_by,
                        own, submitted_at) values (:m, :y, :t, :n, :a, :by, :own, :at) returning id""")
                    .param("m", memberId).param("y", r.year()).param("t", text)
                    .param("n", file == null ? null : file.name().strip())
                    .param("a", file == null ? null : file.content())
                    .param("by", records.access().staff().getUsername()).param("own", own)
                    .param("at", Timestamp.from(records.instant())).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("year", records.text("party.dutyReport.duplicate", r.year()));
        }
        audit.record(AuditRecord.of("party.dutyReport." + (own ? "submit" : "record"), "PartyDutyReport", id)
                .reason(String.valueOf(r.year())));
        return reports("r.id = :id", id).getFirst();
    }

    /** Why a file is not an acceptable report PDF (a message key, with the file name as its argument), or null. */
    static String pdfProblem(Attachment file) {
        String name = file.name() == null ? "" : file.name().strip();
        String problem = PartyFiles.problem(name, file.content()); // empty, too large, not what its name says
        if (problem == null && !name.toLowerCase(Locale.ROOT).endsWith(".pdf") || name.length() > 200
                || "party.file.type".equals(problem) || "party.file.mismatch".equals(problem)) {
            return "party.file.pdf";
        }
        return problem;
    }

    private List<Report> reports(String condition, long id) {
        return jdbc.sql("""
                select r.id, r.member_id, m.name, r.year, r.text, r.attachment_name, r.own, r.submitted_by, r.submitted_at
                from oneseal.party_duty_report r join oneseal.party_member m on m.id = r.member_id
                where %s order by r.year desc""".formatted(condition)).param("id", id)
                .query((rs, n) -> new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant())).list();
    }
}
