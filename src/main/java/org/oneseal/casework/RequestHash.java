package org.oneseal.casework;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** SM3 over what a submission says, so that a repeated Idempotency-Key with another body is recognised. */
final class RequestHash {

    private RequestHash() {
    }

    static String of(Long matterId, String phone, String note, List<SubmittedFile> files) {
        StringBuilder sb = new StringBuilder().append(matterId).append('|').append(phone).append('|').append(note);
        for (SubmittedFile f : files) {
            sb.append('|').append(f.requirementCode()).append(':').append(f.fileName()).append(':')
                    .append(MaterialCheck.sm3(f.content() == null ? new byte[0] : f.content()));
        }
        return MaterialCheck.sm3(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
