package org.oneseal.casework;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oneseal.shared.metrics.MetricQuery;

/**
 * The one definition of what the case figures count, as SQL over {@code case_file}: the roll-up, the live count of the
 * days not rolled up yet and the drill-down all build their statements from here, so that a figure and its records
 * always agree. The trigger of V68 un-rolls the days these facts and spans fall on; a new condition on a column it
 * does not watch must be added there too.
 */
final class CaseFacts {

    private CaseFacts() {
    }

    /** The business day of submission (Asia/Shanghai), as indexed by case_file_submitted_on_idx. */
    static final String SUBMITTED_ON = "((submitted_at at time zone 'Asia/Shanghai')::date)";

    /** The dimensions of the roll-up (region, department, matter, channel, member of staff who took it in). */
    static final String DIMENSIONS = "region_id, department_id, matter_id, channel, intake_staff";

    /** A day on which a case counts, and which cases have that day. */
    enum Fact {
        /** submitted (drafts are not) */
        SUBMITTED(SUBMITTED_ON, "status <> 'DRAFT'"),
        /** accepted (a filing is accepted and concluded on receipt) */
        ACCEPTED("accepted_on", "true"),
        /** concluded after acceptance: delivered, filed or terminated (a refusal or 无需办理 was never accepted) */
        CONCLUDED("concluded_on", "accepted_on is not null"),
        /** granted with a business licence (营业执照): a new market entity, on the day of the decision */
        REGISTERED("decided_on", "granted and licence_kind = '营业执照'");

        final String day;
        final String cases;

        Fact(String day, String cases) {
            this.day = day;
            this.cases = cases;
        }
    }

    /** Decided (or, without a decision, concluded) by the promised due date; a filing has no clock and is on time. */
    static final String ON_TIME = "(promised_due is null or coalesce(decided_on, concluded_on) <= promised_due)";
    static final String LEGAL_ON_TIME = "(legal_due is null or coalesce(decided_on, concluded_on) <= legal_due)";
    /** 企业设立登记: a granted business licence of a matter for enterprises, with its working days counted. */
    static final String ENTERPRISE_REGISTRATION = "(granted and licence_kind = '营业执照' and service_object <> 'PERSON'"
            + " and worked_days is not null)";

    /** A column of the roll-up: the cases of one fact that meet a condition (counted, or their working days summed). */
    enum Measure {
        SUBMITTED("submitted", Fact.SUBMITTED, "true", false),
        ACCEPTED("accepted", Fact.ACCEPTED, "true", false),
        CONCLUDED("concluded", Fact.CONCLUDED, "true", false),
        ON_TIME("on_time", Fact.CONCLUDED, CaseFacts.ON_TIME, false),
        LEGAL_ON_TIME("legal_on_time", Fact.CONCLUDED, CaseFacts.LEGAL_ON_TIME, false),
        GRANTED("granted", Fact.CONCLUDED, "granted", false),
        DENIED("denied", Fact.CONCLUDED, "not granted", false),
        REGISTRATIONS("registrations", Fact.CONCLUDED, ENTERPRISE_REGISTRATION, false),
        REGISTRATION_DAYS("registration_days", Fact.CONCLUDED, ENTERPRISE_REGISTRATION, true),
        NEW_ENTITIES("new_entities", Fact.REGISTERED, "true", false);

        final String column;
        final Fact fact;
        final String cases;
        final boolean sumsWorkedDays;

        Measure(String column, Fact fact, String cases, boolean sumsWorkedDays) {
            this.column = column;
            this.fact = fact;
            this.cases = cases;
            this.sumsWorkedDays = sumsWorkedDays;
        }

        /** This measure's value in a row of {@code fact}'s cases (0 in the rows of another fact). */
        String valueIn(Fact f) {
            if (f != fact) {
                return "0";
            }
            return "case when " + cases + " then " + (sumsWorkedDays ? "worked_days" : "1") + " else 0 end";
        }

        /** The cases behind this measure for a period: the condition its drill-down and its live count share. */
        String where() {
            return fact.day + " between :from and :to and " + fact.cases + " and " + cases;
        }

        static String columns() {
            return Arrays.stream(values()).map(m -> m.column).collect(Collectors.joining(", "));
        }
    }

    /**
     * One row per case and fact whose day meets {@code dayCondition} (e.g. {@code "= :day"} or {@code "in (:live)"}),
     * with the measures as columns (and the dimensions first if asked), restricted by {@code filter}.
     */
    static String factRows(String dayCondition, String filter, boolean dimensions) {
        return Arrays.stream(Fact.values()).map(f -> "select " + (dimensions ? DIMENSIONS + ", " : "")
                + Arrays.stream(Measure.values()).map(m -> m.valueIn(f) + " as " + m.column)
                        .collect(Collectors.joining(", "))
                + " from oneseal.case_file where " + f.day + " " + dayCondition + " and " + f.cases + " and " + filter)
                .collect(Collectors.joining("\nunion all\n"));
    }

    /**
     * Open at the end of day {@code :day}: submitted by then and not concluded by then (its span
     * [submitted, concluded) contains the day; index case_file_open_idx).
     */
    static final String OPEN_AT = "status <> 'DRAFT' and daterange(" + SUBMITTED_ON
            + ", concluded_on, '[)') @> cast(:day as date)";
    /**
     * Overdue at the end of day {@code :day} (of the open ones): accepted by then, neither decided nor in a pause
     * (special procedure, 容缺 suspension) begun by then, and its promised due date before that day, as the case
     * holds it now.
     */
    static final String OVERDUE_AT = "(accepted_on <= cast(:day as date) and promised_due < cast(:day as date)"
            + " and (decided_on is null or decided_on > cast(:day as date))"
            + " and (paused_since is null or paused_since > cast(:day as date)))";

    /**
     * The query's region, department and staff member as a condition on the dimension columns (the parameters are
     * added to {@code params}); a query for the whole city needs no region condition.
     */
    static String dimensions(MetricQuery q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("true");
        if (!q.wholeCity()) {
            where.append(" and region_id in (:regions)");
            params.put("regions", q.regionList());
        }
        if (q.department() != null) {
            where.append(" and department_id = :department");
            params.put("department", q.department());
        }
        if (q.staff() != null) {
            where.append(" and intake_staff = :staff");
            params.put("staff", q.staff());
        }
        if (q.window() != null) {
            throw new IllegalArgumentException("case figures have no window dimension");
        }
        return where.toString();
    }

    static List<Measure> measures() {
        return List.of(Measure.values());
    }
}
