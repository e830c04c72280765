package org.oneseal.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.oneseal.shared.Masking;

/**
 * One signed version of a licence as registered: the signed content, the signature, and the register's
 * status (which is not signed: it changes after signing).
 */
record LicenceRecord(LicenceContent content, byte[] signature, StoredStatus status, String statusReason,
                     String successorId, String pdfSm3) {

    enum StoredStatus { VALID, CHANGED, REVOKED }

    String licenceId() {
        return content.licenceId();
    }

    /** The effective status on a day: a valid licence past its last day is expired. */
    LicenceStatus statusOn(LocalDate today) {
        return switch (status) {
            case CHANGED -> LicenceStatus.CHANGED;
            case REVOKED -> LicenceStatus.REVOKED;
            case VALID -> content.validUntil() != null && content.validUntil().isBefore(today)
                    ? LicenceStatus.EXPIRED : LicenceStatus.VALID;
        };
    }

    LicenceView view(LocalDate today) {
        LicenceContent c = content;
        return new LicenceView(c.licenceId(), c.licenceKind(), c.matterName(), c.holderName(),
                Masking.middle(c.holderIdentifier(), 4, 4), c.issuerName(), c.validFrom(), c.validUntil(),
                statusOn(today), c.signedAt(), c.keyId(), c.caseId());
    }

    /** What the seal signs for a licence version (see {@link #canonicalBytes()}). */
    record LicenceContent(String licenceId, long caseId, String caseNumber, String licenceKind, String matterCode,
                          String matterName, String holderName, String holderIdentifier, String issuerName,
                          long issuerRegionId, LocalDate validFrom, LocalDate validUntil, String predecessorId,
                          SortedMap<String, String> particulars, String keyId, Instant signedAt) {

        static final String HEADER = "ONESEAL-LICENCE/1";
        static final String PARTICULAR = "particular.";

        LicenceContent {
            particulars = new TreeMap<>(particulars);
        }

        byte[] canonicalBytes() {
            CanonicalForm form = new CanonicalForm(HEADER).add("licenceId", licenceId).add("licenceKind", licenceKind)
                    .add("caseId", caseId).add("caseNumber", caseNumber).add("matterCode", matterCode)
                    .add("matterName", matterName).add("holderName", holderName)
                    .add("holderIdentifier", holderIdentifier).add("issuerName", issuerName)
                    .add("issuerRegionId", issuerRegionId).add("validFrom", validFrom).add("validUntil", validUntil)
                    .add("predecessorId", predecessorId).add("keyId", keyId).add("signedAt", signedAt);
            particulars.forEach((name, value) -> form.add(PARTICULAR + name, value));
            return form.toBytes();
        }

        /** The licence id and key id named in canonical bytes, or null when they are not a licence's. */
        static Map<String, String> readFields(byte[] bytes) {
            return CanonicalForm.parse(bytes, HEADER);
        }
    }
}
