package org.oneseal.seal;

import java.time.Instant;
import java.util.Base64;

/**
 * The result of one seal use: the SM2 signature (DER-encoded r,s as OpenSSL writes it) over the signed
 * bytes, the id of the key that made it, the SM3 hash (hex) of the signed bytes, the signing time and the
 * number of the seal-ledger entry.
 */
public record SealSignature(byte[] signature, String keyId, String documentHash, Instant signedAt, long ledgerEntry) {

    public SealSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }
}
