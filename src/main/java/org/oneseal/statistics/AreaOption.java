package org.oneseal.statistics;

/** One choice of the area filter: its request code ({@code all}, {@code city} or a region id) and its label. */
public record AreaOption(String code, String label) {
}
