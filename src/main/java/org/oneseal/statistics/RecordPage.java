package org.oneseal.statistics;

import java.util.List;

/**
 * One page of the records behind a figure, cells already written for reading.
 *
 * @param figure  the figure (its {@code records} is the total number of rows)
 * @param columns the column headers
 * @param rows    the rows of this page
 * @param page    the page number, from 0
 * @param size    rows per page
 */
public record RecordPage(Figure figure, List<String> columns, List<List<String>> rows, int page, int size) {

    public long total() {
        return figure.records();
    }

    public int pages() {
        return (int) Math.max(1, (figure.records() + size - 1) / size);
    }
}
