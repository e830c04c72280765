package org.oneseal.seal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 signatures with SM3 ("SM3withSM2"): BouncyCastle hashes Z(A) with the default user id
 * {@code 1234567812345678} (GM/T 0009) together with the message, and encodes (r, s) as DER — exactly what
 * OpenSSL 3 expects.
 */
final class Sm2 {

    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final String ALGORITHM = "SM3withSM2";

    private Sm2() {
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM, PROVIDER);
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM, PROVIDER);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // a malformed signature is simply not valid
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 verification failed", e);
        }
    }
}
