package org.oneseal.seal;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 hashes as lower-case hex. */
final class Sm3 {

    private Sm3() {
    }

    static String hex(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
