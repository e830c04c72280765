package org.oneseal.matter;

/** A special procedure (特殊环节): hearing, inspection, expert review ...; most do not count toward the limit. */
public record SpecialProcedureView(String name, int maxWorkingDays, boolean countsTowardLimit, String legalBasis) {
}
