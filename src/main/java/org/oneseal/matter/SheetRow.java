package org.oneseal.matter;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;

/** Reads the cells of one row as text and records a problem for every cell that is missing or malformed. */
final class SheetRow {

    private static final DataFormatter FORMAT = new DataFormatter();

    private final String sheet;
    private final Row row;
    private final List<String> headers;
    private final List<ImportProblem> problems;
    private final MatterMessages messages;

    SheetRow(String sheet, Row row, List<String> headers, List<ImportProblem> problems, MatterMessages messages) {
        this.sheet = sheet;
        this.row = row;
        this.headers = headers;
        this.problems = problems;
        this.messages = messages;
    }

    String text(int column, boolean required) {
        String value = row.getCell(column) == null ? "" : FORMAT.formatCellValue(row.getCell(column)).trim();
        if (required && value.isEmpty()) {
            problem(column, "matter.import.required");
        }
        return value.isEmpty() ? null : value;
    }

    <E extends Enum<E>> E enumOf(int column, Class<E> type, boolean required) {
        String value = text(column, required);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problem(column, "matter.import.choice", String.join("/", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
    }

    int number(int column, int max) {
        String value = text(column, true);
        if (value != null && (!value.matches("\\d{1,4}") || Integer.parseInt(value) > max)) {
            problem(column, "matter.import.number", String.valueOf(max));
        }
        return value != null && value.matches("\\d{1,4}") ? Integer.parseInt(value) : 0;
    }

    BigDecimal amount(int column) {
        String value = text(column, false);
        if (value != null && !value.matches("\\d{1,8}(\\.\\d{1,2})?")) {
            problem(column, "matter.import.amount");
            return null;
        }
        return value == null ? null : new BigDecimal(value);
    }

    boolean yes(int column) {
        String value = text(column, true);
        if (value != null && !value.equals(ExcelLayout.YES) && !value.equals(ExcelLayout.NO)) {
            problem(column, "matter.import.yesNo");
        }
        return ExcelLayout.YES.equals(value);
    }

    List<String> list(int column) {
        String value = text(column, false);
        return value == null ? List.of() : Arrays.stream(value.split("[,，、]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    void problem(int column, String key, Object... args) {
        String name = column < 0 ? "" : CellReference.convertNumToColString(column) + "（" + headers.get(column) + "）";
        problems.add(new ImportProblem(sheet, row.getRowNum() + 1, name, messages.chinese(key, args)));
    }

    int number() {
        return row.getRowNum() + 1;
    }
}
