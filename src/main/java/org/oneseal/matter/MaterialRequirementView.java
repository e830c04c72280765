package org.oneseal.matter;

/** A material a matter asks for (申请材料) with its attributes. {@code code} is unique within the version. */
public record MaterialRequirementView(String code, String name, boolean required, boolean keyMaterial,
                                      boolean original, boolean electronicAccepted, boolean obtainableBySharing,
                                      boolean replaceableByCommitment, int copies, String note) {
}
