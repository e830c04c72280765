package org.oneseal.matter;

import java.util.List;

/** The workbook has errors; nothing was imported. */
public class ImportRejected extends RuntimeException {

    private final transient List<ImportProblem> problems;

    ImportRejected(List<ImportProblem> problems) {
        super(problems.size() + " import problems");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
