package org.oneseal.statistics;

/** A figure with its number written for reading (e.g. "12,345", "96.3%", "3.5 个工作日", or why there is none). */
public record ShownFigure(Figure figure, String text) {
}
