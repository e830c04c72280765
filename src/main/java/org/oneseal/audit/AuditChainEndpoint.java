package org.oneseal.audit;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/auditchain}: verifies the audit chain and returns the result (reason in Chinese).
 * Expose it and allow it only to {@code audit:verify} in the security configuration.
 */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    private final ChainVerifier verifier;

    AuditChainEndpoint(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @ReadOperation
    public ChainVerification verify() {
        return verifier.verify(Locale.SIMPLIFIED_CHINESE);
    }
}
