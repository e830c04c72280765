package org.oneseal.license;

import java.time.Instant;
import java.time.LocalDate;

/** A licence as shown to staff and verifiers: the holder's identifier is masked. */
public record LicenceView(String licenceId, String licenceKind, String matterName, String holderName,
                          String holderIdentifierMasked, String issuerName, LocalDate validFrom, LocalDate validUntil,
                          LicenceStatus status, Instant signedAt, String keyId, long caseId) {
}
