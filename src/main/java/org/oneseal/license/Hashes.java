package org.oneseal.license;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (hex) of files, to recognise a licence PDF byte for byte. */
final class Hashes {

    private Hashes() {
    }

    static String sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
