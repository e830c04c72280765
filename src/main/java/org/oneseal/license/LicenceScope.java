package org.oneseal.license;

import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Staff see and manage only licences issued in their region: another region's licence answers "not
 * found" and leaves an audit entry. The caller's scope comes from the request-scoped DataScope bean.
 */
@Component
class LicenceScope {

    private final LicenceStore licences;
    private final ObjectProvider<DataScope> scope;
    private final AuditLog audit;

    LicenceScope(LicenceStore licences, ObjectProvider<DataScope> scope, AuditLog audit) {
        this.licences = licences;
        this.scope = scope;
        this.audit = audit;
    }

    void check(String licenceId) {
        long region = licences.find(licenceId).map(r -> r.content().issuerRegionId())
                .orElseThrow(() -> new NotFoundException("licence " + licenceId));
        if (!scope.getObject().covers(region)) {
            audit.recordIndependently(AuditRecord.of("license.read", "Licence", licenceId)
                    .outcome(AuditOutcome.DENIED).region(region).reason("outside data scope"));
            throw new NotFoundException("licence " + licenceId);
        }
    }
}
