package org.oneseal.seal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seal's public key for offline verification (no login). */
@RestController
@Tag(name = "seal", description = "seal.api.tag")
class SealApiController {

    private final Seal seal;

    SealApiController(Seal seal) {
        this.seal = seal;
    }

    @GetMapping(path = "/api/v1/public/seal/public-key", produces = {"application/x-pem-file", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "seal.api.publicKey.summary", description = "seal.api.publicKey.description")
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"oneseal-seal-public-key.pem\"")
                .header("X-Seal-Key-Id", seal.keyId())
                .contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(seal.publicKeyPem());
    }
}
