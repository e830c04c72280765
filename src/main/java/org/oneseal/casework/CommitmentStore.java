package org.oneseal.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.oneseal.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL on the signed notices, their verifications and the credit records (告知承诺制). */
@Repository
class CommitmentStore {

    private final JdbcClient jdbc;

    CommitmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void signed(long caseId, CommitmentNotice notice, String sm3, Instant at, String by) {
        jdbc.sql("""
                insert into oneseal.case_commitment (case_id, notice_version, notice_text, notice_sm3, waived_codes,
                                                     signed_at, signed_by)
                values (:caseId, :version, :text, :sm3, :waived, :at, :by)""")
                .param("caseId", caseId).param("version", notice.version()).param("text", notice.text())
                .param("sm3", sm3).param("waived", String.join(",", notice.waivedCodes()))
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** The notice a case was signed with. */
    Optional<SignedCommitment> ofCase(long caseId) {
        return jdbc.sql("select notice_version, notice_text, notice_sm3, signed_at, signed_by from oneseal.case_commitment "
                        + "where case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new SignedCommitment(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
    }

    void verificationCreated(long caseId, long regionId, String method, int percent, LocalDate due, String state,
            Instant at) {
        jdbc.sql("""
                insert into oneseal.commitment_verification (case_id, region_id, method, sample_percent, due_on, state,
                                                             created_at)
                values (:caseId, :region, :method, :percent, :due, :state, :at)""")
                .param("caseId", caseId).param("region", regionId).param("method", method).param("percent", percent)
                .param("due", due).param("state", state).param("at", Timestamp.from(at)).update();
    }

    private static final String VERIFICATION = """
            select v.id, v.case_id, c.case_number, c.matter_name, c.applicant_name, v.region_id, v.method,
                   v.sample_percent, v.due_on, v.state, v.findings, v.consequence, v.correction_due, v.concluded_at,
                   v.concluded_by
            from oneseal.commitment_verification v join oneseal.case_file c on c.id = v.case_id""";

    /** Verifications in scope, open ones first by due date, then the latest concluded. */
    List<CommitmentVerification> inScope(DataScope scope, int limit) {
        return scope.bind(jdbc.sql(VERIFICATION + " where " + scope.condition("v.region_id")
                        + " order by v.state <> 'OPEN', v.due_on, v.id desc limit :limit"))
                .param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    Optional<CommitmentVerification> lock(long id) {
        return jdbc.sql(VERIFICATION + " where v.id = :id for update of v").param("id", id)
                .query((rs, n) -> row(rs)).optional();
    }

    Optional<CommitmentVerification> verificationOfCase(long caseId) {
        return jdbc.sql(VERIFICATION + " where v.case_id = :id").param("id", caseId)
                .query((rs, n) -> row(rs)).optional();
    }

    void concluded(long id, String state, String findings, String consequence, LocalDate correctionDue, Instant at,
            String by) {
        jdbc.sql("""
                update oneseal.commitment_verification set state = :state, findings = :findings,
                       consequence = :consequence, correction_due = :due, concluded_at = :at, concluded_by = :by
                where id = :id""")
                .param("state", state).param("findings", findings).param("consequence", consequence)
                .param("due", correctionDue).param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    void credit(String subject, String kind, String reason, Long caseId, Instant at, String by) {
        jdbc.sql("""
                insert into oneseal.credit_record (subject_identifier, kind, reason, case_id, recorded_at, recorded_by)
                values (:subject, :kind, :reason, :caseId, :at, :by)""")
                .param("subject", subject).param("kind", kind).param("reason", reason).param("caseId", caseId)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** The credit records of an applicant (ID card number or credit code), newest first. */
    List<CreditRecord> credit(String subject) {
        return jdbc.sql("""
                select kind, reason, case_id, recorded_at from oneseal.credit_record
                where subject_identifier = :subject order by recorded_at desc""")
                .param("subject", subject)
                .query((rs, n) -> new CreditRecord(rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static CommitmentVerification row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CommitmentVerification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getInt(8), rs.getObject(9, LocalDate.class),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getObject(13, LocalDate.class),
                rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15));
    }

    /** A signed notice. */
    record SignedCommitment(String version, String text, String sm3, Instant signedAt, String signedBy) {
    }

    /** A credit record. */
    record CreditRecord(String kind, String reason, Long caseId, Instant recordedAt) {
    }
}
