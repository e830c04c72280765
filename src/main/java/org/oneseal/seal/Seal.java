package org.oneseal.seal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 电子印章: the bureau's one seal. Signs canonical document bytes with SM2/SM3 under the key of the keystore
 * {@code oneseal.seal.keystore}; every use is appended to the seal ledger and to the audit log in the
 * caller's transaction (if either cannot be written, the signing fails with it).
 */
@Service
public class Seal {

    private final SealKeys keys;
    private final SealLedger ledger;
    private final AuditLog audit;
    private final Clock clock;

    @Autowired
    Seal(@Value("${oneseal.seal.keystore:./data/seal/seal.p12}") Path keystore,
            @Value("${oneseal.seal.keystore-password:oneseal-demo-seal}") String password,
            @Value("${oneseal.seal.holder:示范市行政审批局}") String holder,
            SealLedger ledger, AuditLog audit, Clock clock) {
        this(SealKeys.loadOrCreate(keystore, password.toCharArray(), holder), ledger, audit, clock);
    }

    Seal(SealKeys keys, SealLedger ledger, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Signs the bytes with the current seal key and records the use (ledger + audit). */
    @Transactional
    public SealSignature sign(byte[] canonicalBytes, SealUse use) {
        byte[] signature = Sm2.sign(keys.privateKey(), canonicalBytes);
        String hash = Sm3.hex(canonicalBytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String signer = currentSigner();
        long entry = ledger.append(new SealLedgerEntry(now, hash, use, signer, keys.keyId()));
        audit.record(AuditRecord.of("seal.sign", "SealUse", entry).actor(signer)
                .reason(use.purpose() + " " + nullToDash(use.documentId()) + " sm3=" + hash));
        return new SealSignature(signature, keys.keyId(), hash, now, entry);
    }

    /**
     * True when the signature is a valid SM2/SM3 signature of the data under the key with this id (the current
     * seal key or a retired certificate kept in the keystore). An unknown key id is simply not valid.
     */
    public boolean verify(byte[] data, byte[] signature, String keyId) {
        var key = keys.verificationKey(keyId);
        return key != null && data != null && signature != null && Sm2.verify(key, data, signature);
    }

    /** The current seal's public key as PEM (SubjectPublicKeyInfo), for verification with OpenSSL. */
    public String publicKeyPem() {
        return keys.publicKeyPem();
    }

    /** The current seal's key id: SM3 fingerprint (64 hex digits) of its DER-encoded public key. */
    public String keyId() {
        return keys.keyId();
    }

    /** The seal holder: the common name of the certificate's subject, e.g. 示范市行政审批局. */
    public String holder() {
        return keys.holder();
    }

    private static String currentSigner() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }
}
