package org.oneseal.casework;

import java.util.List;

/**
 * A case with its timeline, open deficiencies (of a correction notice), submitted materials and the materials
 * it was taken in without (容缺); {@code tongban} is null unless it was received elsewhere or applied for online
 * as a city-wide / cross-province matter.
 */
public record CaseDetail(CaseView summary, List<CaseEventView> timeline, List<Deficiency> openDeficiencies,
                         List<MaterialView> materials, List<DeferredMaterialView> deferredMaterials,
                         TongbanView tongban) {
}
