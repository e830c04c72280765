package org.oneseal.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import org.oneseal.casework.CaseFile.CaseRow;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Cases as rows of oneseal.case_file; saving checks the version (two people acting at once: one wins). */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nextCaseNumber(String prefix, int year) {
        long n = jdbc.sql("select nextval('oneseal.case_number_seq')").query(Long.class).single();
        return "%s%d%08d".formatted(prefix, year, n);
    }

    long insert(CaseRow r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into oneseal.case_file (case_number, matter_id, matter_version_id, matter_name, region_id,
                    department_id, applicant_account_id, applicant_kind, applicant_name, applicant_identifier,
                    applicant_phone, channel, intake_staff, status, submitted_at, promised_days, legal_days,
                    licence_kind, service_object)
                values (:caseNumber, :matterId, :versionId, :matterName, :regionId, :departmentId, :accountId, :kind,
                    :name, :identifier, :phone, :channel, :intakeStaff, :status, :submittedAt, :promised, :legal,
                    :licenceKind, :serviceObject)""")
                .param("caseNumber", r.caseNumber).param("matterId", r.matterId).param("versionId", r.matterVersionId)
                .param("matterName", r.matterName).param("regionId", r.regionId).param("departmentId", r.departmentId)
                .param("accountId", r.applicantAccountId).param("kind", r.applicantKind).param("name", r.applicantName)
                .param("identifier", r.applicantIdentifier).param("phone", r.applicantPhone)
                .param("channel", r.channel).param("intakeStaff", r.intakeStaff).param("status", r.status.name())
                .param("submittedAt", Timestamp.from(r.submittedAt)).param("promised", r.promisedDays)
                .param("legal", r.legalDays).param("licenceKind", r.licenceKind).param("serviceObject", r.serviceObject)
                .update(keys, "id");
        r.id = keys.getKey().longValue();
        return r.id;
    }

    Optional<CaseFile> find(long id) {
        return jdbc.sql("select * from oneseal.case_file where id = :id").param("id", id)
                .query(CaseRepository::map).optional().map(CaseFile::new);
    }

    /** Loads the case and locks its row until the transaction ends. */
    Optional<CaseFile> lock(long id) {
        return jdbc.sql("select * from oneseal.case_file where id = :id for update").param("id", id)
                .query(CaseRepository::map).optional().map(CaseFile::new);
    }

    void save(CaseFile file) {
        CaseRow r = file.row();
        int updated = jdbc.sql("""
                update oneseal.case_file set status = :status, submitted_at = :submittedAt, current_step = :step,
                    candidate_role = :role,
                    assignee = :assignee, process_instance_id = :pid, accepted_on = :acceptedOn,
                    paused_days = :pausedDays, paused_since = :pausedSince, extension_days = :extensionDays,
                    promised_due = :promisedDue, legal_due = :legalDue, receipt_due = :receiptDue, decided_on = :decidedOn,
                    concluded_on = :concludedOn, delivery_method = :delivery, licence_id = :licence,
                    decision_document_id = :decision, overdue = :overdue, granted = :granted, worked_days = :workedDays,
                    version = version + 1
                where id = :id and version = :version""")
                .param("status", r.status.name()).param("submittedAt", Timestamp.from(r.submittedAt))
                .param("step", r.currentStep).param("role", r.candidateRole)
                .param("assignee", r.assignee).param("pid", r.processInstanceId).param("acceptedOn", date(r.acceptedOn))
                .param("pausedDays", r.pausedDays).param("pausedSince", date(r.pausedSince))
                .param("extensionDays", r.extensionDays).param("promisedDue", date(r.promisedDue))
                .param("legalDue", date(r.legalDue)).param("receiptDue", date(r.receiptDue))
                .param("decidedOn", date(r.decidedOn))
                .param("concludedOn", date(r.concludedOn)).param("delivery", r.deliveryMethod)
                .param("licence", r.licenceId).param("decision", r.decisionDocumentId).param("overdue", r.overdue)
                .param("granted", r.granted).param("workedDays", r.workedDays)
                .param("id", r.id).param("version", r.version)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("case " + r.id + " was changed by someone else");
        }
        r.version++;
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate local(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static CaseRow map(ResultSet rs, int n) throws SQLException {
        CaseRow r = new CaseRow();
        r.id = rs.getLong("id");
        r.caseNumber = rs.getString("case_number");
        r.matterId = rs.getLong("matter_id");
        r.matterVersionId = rs.getLong("matter_version_id");
        r.matterName = rs.getString("matter_name");
        r.regionId = rs.getLong("region_id");
        r.departmentId = rs.getLong("department_id");
        r.applicantAccountId = (Long) rs.getObject("applicant_account_id");
        r.applicantKind = rs.getString("applicant_kind");
        r.applicantName = rs.getString("applicant_name");
        r.applicantIdentifier = rs.getString("applicant_identifier");
        r.applicantPhone = rs.getString("applicant_phone");
        r.channel = rs.getString("channel");
        r.intakeStaff = rs.getString("intake_staff");
        r.status = CaseStatus.valueOf(rs.getString("status"));
        r.currentStep = rs.getString("current_step");
        r.candidateRole = rs.getString("candidate_role");
        r.assignee = rs.getString("assignee");
        r.processInstanceId = rs.getString("process_instance_id");
        r.submittedAt = rs.getTimestamp("submitted_at").toInstant();
        r.acceptedOn = local(rs, "accepted_on");
        r.promisedDays = rs.getInt("promised_days");
        r.legalDays = rs.getInt("legal_days");
        r.pausedDays = rs.getInt("paused_days");
        r.pausedSince = local(rs, "paused_since");
        r.extensionDays = rs.getInt("extension_days");
        r.promisedDue = local(rs, "promised_due");
        r.legalDue = local(rs, "legal_due");
        r.receiptDue = local(rs, "receipt_due");
        r.decidedOn = local(rs, "decided_on");
        r.concludedOn = local(rs, "concluded_on");
        r.deliveryMethod = rs.getString("delivery_method");
        r.licenceId = rs.getString("licence_id");
        r.decisionDocumentId = rs.getString("decision_document_id");
        r.overdue = rs.getBoolean("overdue");
        r.granted = (Boolean) rs.getObject("granted");
        r.licenceKind = rs.getString("licence_kind");
        r.serviceObject = rs.getString("service_object");
        r.workedDays = (Integer) rs.getObject("worked_days");
        r.version = rs.getInt("version");
        return r;
    }
}
