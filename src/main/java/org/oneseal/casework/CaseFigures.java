package org.oneseal.casework;

/**
 * Case figures of the caller's region for a period: open cases (of them warning, overdue), concluded ones,
 * concluded within the promised limit, late against the legal limit, and more than three times the promised
 * limit ("3倍超期"). The statistics module will build on these definitions.
 */
public record CaseFigures(long open, long warning, long overdue, long concluded, long concludedOnTime,
                          long lateAgainstLegal, long threeTimesLate) {

    /** Share of concluded cases decided within the promised limit, in per cent (null without any). */
    public Double onTimeRate() {
        return concluded == 0 ? null : Math.round(concludedOnTime * 1000.0 / concluded) / 10.0;
    }
}
