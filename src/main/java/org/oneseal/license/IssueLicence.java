package org.oneseal.license;

import java.time.LocalDate;
import java.util.Map;

/**
 * Issue an electronic licence for a granted case. {@code validUntil} null means long-term (长期有效);
 * {@code particulars} are the kind-specific items printed on the licence (e.g. 经营场所, 许可范围).
 */
public record IssueLicence(long caseId, String caseNumber, String licenceKind, String matterCode, String matterName,
                           String holderName, String holderIdentifier, String issuerName, long issuerRegionId,
                           LocalDate validFrom, LocalDate validUntil, Map<String, String> particulars) {

    public IssueLicence {
        particulars = particulars == null ? Map.of() : Map.copyOf(particulars);
    }
}
