package org.oneseal.casework;

import java.util.List;

/** A case with its timeline, open deficiencies and submitted materials. */
public record CaseDetail(CaseView summary, List<CaseEventView> timeline, List<Deficiency> openDeficiencies,
                         List<MaterialView> materials) {
}
