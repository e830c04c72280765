package org.oneseal.license;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.oneseal.license.LicenceRecord.LicenceContent;
import org.oneseal.license.LicenceRecord.StoredStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The licence register (tables oneseal.licence, oneseal.licence_particular, oneseal.licence_sequence). */
@Repository
class LicenceStore {

    private static final String COLUMNS = """
            licence_id, case_id, case_number, licence_kind, matter_code, matter_name, holder_name, holder_identifier,
            issuer_name, issuer_region_id, valid_from, valid_until, predecessor_id, key_id, signed_at, signature,
            status, status_reason, successor_id, pdf_sm3""";

    private final JdbcClient jdbc;

    LicenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of a year and region from its own sequence: concurrent issuers never share a number and
     * never wait for each other. The sequence of a new year or region is created under a table lock, so that
     * two first issuers do not both try to create it.
     */
    long nextSequence(int year, long regionId) {
        String sequence = "oneseal.licence_seq_" + year + "_" + regionId; // two numbers: nothing to escape
        boolean exists = jdbc.sql("select to_regclass(:name) is not null").param("name", sequence)
                .query(Boolean.class).single();
        if (!exists) {
            jdbc.sql("lock table oneseal.licence_sequence in exclusive mode").update();
            jdbc.sql("create sequence if not exists " + sequence + " as bigint minvalue 1 maxvalue 999999 no cycle")
                    .update();
            jdbc.sql("insert into oneseal.licence_sequence (year, region_id) values (:year, :region) on conflict do nothing")
                    .param("year", year).param("region", regionId).update();
        }
        return jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    }

    void insert(LicenceContent c, byte[] signature, byte[] pdf, String pdfSm3) {
        jdbc.sql("insert into oneseal.licence (" + COLUMNS + ", pdf) values (:id, :caseId, :caseNumber, :kind, "
                        + ":matterCode, :matterName, :holderName, :holderIdentifier, :issuerName, :region, :validFrom, "
                        + ":validUntil, :predecessor, :keyId, :signedAt, :signature, 'VALID', null, null, :pdfSm3, :pdf)")
                .param("id", c.licenceId()).param("caseId", c.caseId()).param("caseNumber", c.caseNumber())
                .param("kind", c.licenceKind()).param("matterCode", c.matterCode()).param("matterName", c.matterName())
                .param("holderName", c.holderName()).param("holderIdentifier", c.holderIdentifier())
                .param("issuerName", c.issuerName()).param("region", c.issuerRegionId())
                .param("validFrom", c.validFrom()).param("validUntil", c.validUntil())
                .param("predecessor", c.predecessorId()).param("keyId", c.keyId())
                .param("signedAt", Timestamp.from(c.signedAt())).param("signature", signature)
                .param("pdfSm3", pdfSm3).param("pdf", pdf).update();
        c.particulars().forEach((name, value) -> jdbc.sql(
                        "insert into oneseal.licence_particular (licence_id, name, value) values (:id, :name, :value)")
                .param("id", c.licenceId()).param("name", name).param("value", value).update());
    }

    Optional<LicenceRecord> find(String licenceId) {
        return jdbc.sql("select " + COLUMNS + " from oneseal.licence where licence_id = :id").param("id", licenceId)
                .query((rs, n) -> record(rs)).optional().map(this::withParticulars);
    }

    /** Locks the licence row for a status change. */
    Optional<LicenceRecord> findForUpdate(String licenceId) {
        return jdbc.sql("select " + COLUMNS + " from oneseal.licence where licence_id = :id for update")
                .param("id", licenceId).query((rs, n) -> record(rs)).optional().map(this::withParticulars);
    }

    Optional<LicenceRecord> currentOfCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from oneseal.licence where case_id = :caseId and successor_id is null")
                .param("caseId", caseId).query((rs, n) -> record(rs)).optional().map(this::withParticulars);
    }

    List<String> versionsOf(long caseId) {
        return jdbc.sql("select licence_id from oneseal.licence where case_id = :caseId order by signed_at, licence_id")
                .param("caseId", caseId).query(String.class).list();
    }

    Optional<byte[]> pdf(String licenceId) {
        return jdbc.sql("select pdf from oneseal.licence where licence_id = :id").param("id", licenceId)
                .query(byte[].class).optional();
    }

    void supersede(String licenceId, String successorId, String reason, Instant at) {
        jdbc.sql("""
                update oneseal.licence set status = 'CHANGED', successor_id = :successor, status_reason = :reason,
                status_changed_at = :at where licence_id = :id""").param("id", licenceId).param("successor", successorId)
                .param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    void revoke(String licenceId, String reason, Instant at) {
        jdbc.sql("""
                update oneseal.licence set status = 'REVOKED', status_reason = :reason, status_changed_at = :at
                where licence_id = :id""").param("id", licenceId).param("reason", reason)
                .param("at", Timestamp.from(at)).update();
    }

    private LicenceRecord withParticulars(LicenceRecord r) {
        TreeMap<String, String> particulars = new TreeMap<>();
        jdbc.sql("select name, value from oneseal.licence_particular where licence_id = :id")
                .param("id", r.licenceId()).query(rs -> {
                    particulars.put(rs.getString("name"), rs.getString("value"));
                });
        LicenceContent c = r.content();
        LicenceContent full = new LicenceContent(c.licenceId(), c.caseId(), c.caseNumber(), c.licenceKind(),
                c.matterCode(), c.matterName(), c.holderName(), c.holderIdentifier(), c.issuerName(),
                c.issuerRegionId(), c.validFrom(), c.validUntil(), c.predecessorId(), particulars, c.keyId(), c.signedAt());
        return new LicenceRecord(full, r.signature(), r.status(), r.statusReason(), r.successorId(), r.pdfSm3());
    }

    private static LicenceRecord record(ResultSet rs) throws SQLException {
        LicenceContent content = new LicenceContent(rs.getString("licence_id"), rs.getLong("case_id"),
                rs.getString("case_number"), rs.getString("licence_kind"), rs.getString("matter_code"),
                rs.getString("matter_name"), rs.getString("holder_name"), rs.getString("holder_identifier"),
                rs.getString("issuer_name"), rs.getLong("issuer_region_id"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getString("predecessor_id"), new TreeMap<>(),
                rs.getString("key_id"), rs.getTimestamp("signed_at").toInstant());
        return new LicenceRecord(content, rs.getBytes("signature"), StoredStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getString("successor_id"), rs.getString("pdf_sm3"));
    }
}
