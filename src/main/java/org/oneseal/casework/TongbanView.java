package org.oneseal.casework;

/**
 * 通办 of a case: its mode, the office that received it (null when applied for online) and where the applicant
 * takes the result.
 *
 * @param deliverAt COMPETENT (the office that decides) or RECEIVING (the hall that received it)
 */
public record TongbanView(String mode, Long receivingRegionId, Long receivingUnitId, String receivingStaff,
                          String deliverAt) {

    /** The region whose window delivers the result. */
    long deliveryRegion(long competentRegion) {
        return "RECEIVING".equals(deliverAt) && receivingRegionId != null ? receivingRegionId : competentRegion;
    }
}
