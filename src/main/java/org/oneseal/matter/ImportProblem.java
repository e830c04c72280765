package org.oneseal.matter;

/** One reason an import was refused: sheet, row number as Excel shows it, column (letter and header), message. */
public record ImportProblem(String sheet, int row, String column, String message) {
}
