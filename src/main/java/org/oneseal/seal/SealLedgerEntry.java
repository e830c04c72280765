package org.oneseal.seal;

import java.time.Instant;

/** One row of the seal ledger (印章使用台账). */
record SealLedgerEntry(Instant usedAt, String documentHash, SealUse use, String signer, String keyId) {
}
