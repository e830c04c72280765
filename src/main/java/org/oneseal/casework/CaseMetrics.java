package org.oneseal.casework;

import static org.oneseal.shared.metrics.MetricDimension.DEPARTMENT;
import static org.oneseal.shared.metrics.MetricDimension.STAFF;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.oneseal.casework.CaseFacts.Measure;
import org.oneseal.casework.CaseRecords.Extra;
import org.oneseal.casework.CaseRecords.Listing;
import org.oneseal.shared.metrics.MetricDefinition;
import org.oneseal.shared.metrics.MetricQuery;
import org.oneseal.shared.metrics.MetricSource;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.shared.metrics.MetricValue;
import org.springframework.stereotype.Component;

/**
 * The figures of cases (办件) for the statistics module: the dashboard's counts and rates, the stock of open and
 * overdue cases, enterprise registration times, new market entities, and the 帮办代办 services. Definitions in the
 * messages {@code metric.<id>.definition} and in docs/casework.md; the SQL in {@link CaseFacts}.
 */
@Component
class CaseMetrics implements MetricSource {

    static final String MODULE = "casework";
    static final String NOTHING_CONCLUDED = "metric.reason.casework.nothingConcluded";
    static final String NO_REGISTRATIONS = "metric.reason.casework.noRegistrations";

    /** The figures counting one measure, and the measure each lists its records by. */
    private static final Map<String, Measure> COUNTS = Map.of("cases.submitted", Measure.SUBMITTED,
            "cases.accepted", Measure.ACCEPTED, "cases.concluded", Measure.CONCLUDED, "cases.granted", Measure.GRANTED,
            "cases.denied", Measure.DENIED, "marketEntities.new", Measure.NEW_ENTITIES);

    private final CaseCounts counts;
    private final CaseRecords records;
    private final MandateFigures mandates;

    CaseMetrics(CaseCounts counts, CaseRecords records, MandateFigures mandates) {
        this.counts = counts;
        this.records = records;
        this.mandates = mandates;
    }

    @Override
    public List<MetricDefinition> definitions() {
        return List.of(
                flow("cases.submitted", MetricUnit.COUNT), flow("cases.accepted", MetricUnit.COUNT),
                flow("cases.concluded", MetricUnit.COUNT), flow("cases.granted", MetricUnit.COUNT),
                flow("cases.denied", MetricUnit.COUNT), flow("cases.onTimeRate", MetricUnit.PERCENT),
                flow("cases.legalOnTimeRate", MetricUnit.PERCENT),
                MetricDefinition.stock("cases.open", MODULE, MetricUnit.COUNT, DEPARTMENT, STAFF),
                MetricDefinition.stock("cases.overdue", MODULE, MetricUnit.COUNT, DEPARTMENT, STAFF),
                flow("enterprise.registrationWorkdays", MetricUnit.DAYS),
                flow("marketEntities.new", MetricUnit.COUNT),
                MetricDefinition.growth("marketEntities.yoyGrowthPct", MODULE, "marketEntities.new", DEPARTMENT, STAFF),
                MetricDefinition.flow("complaint.agentServices", MODULE, MetricUnit.COUNT, STAFF));
    }

    private static MetricDefinition flow(String id, MetricUnit unit) {
        return MetricDefinition.flow(id, MODULE, unit, DEPARTMENT, STAFF);
    }

    @Override
    public Map<String, MetricValue> compute(Collection<String> ids, MetricQuery query) {
        Map<String, MetricValue> values = new LinkedHashMap<>();
        Map<Measure, Long> flows = ids.stream().anyMatch(CaseMetrics::isFlow) ? counts.flows(query) : Map.of();
        long[] stock = ids.contains("cases.open") || ids.contains("cases.overdue") ? counts.stock(query) : null;
        for (String id : ids) {
            values.put(id, switch (id) {
                case "cases.onTimeRate" -> MetricValue.rate(flows.get(Measure.ON_TIME), flows.get(Measure.CONCLUDED),
                        flows.get(Measure.CONCLUDED), NOTHING_CONCLUDED);
                case "cases.legalOnTimeRate" -> MetricValue.rate(flows.get(Measure.LEGAL_ON_TIME),
                        flows.get(Measure.CONCLUDED), flows.get(Measure.CONCLUDED), NOTHING_CONCLUDED);
                case "enterprise.registrationWorkdays" -> average(flows.get(Measure.REGISTRATION_DAYS),
                        flows.get(Measure.REGISTRATIONS));
                case "cases.open" -> MetricValue.count(stock[0]);
                case "cases.overdue" -> MetricValue.count(stock[1]);
                case "complaint.agentServices" -> MetricValue.count(mandates.count(query));
                default -> {
                    Measure m = COUNTS.get(id);
                    if (m == null) {
                        throw new IllegalArgumentException("not a figure computed by casework: " + id);
                    }
                    yield MetricValue.count(flows.get(m));
                }
            });
        }
        return values;
    }

    private static boolean isFlow(String id) {
        return COUNTS.containsKey(id) || id.equals("cases.onTimeRate") || id.equals("cases.legalOnTimeRate")
                || id.equals("enterprise.registrationWorkdays");
    }

    /** The mean working days, one decimal (half up); none without a registration to average. */
    private static MetricValue average(long days, long cases) {
        if (cases == 0) {
            return MetricValue.missing(NO_REGISTRATIONS, 0);
        }
        return MetricValue.amount(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(cases), 1, RoundingMode.HALF_UP),
                cases);
    }

    @Override
    public List<String> recordColumns(String id) {
        return id.equals("complaint.agentServices") ? MandateFigures.COLUMNS : CaseRecords.columns(listing(id));
    }

    @Override
    public void records(String id, MetricQuery query, int offset, int limit, Consumer<List<Object>> row) {
        if (id.equals("complaint.agentServices")) {
            mandates.list(query, offset, limit, row);
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("from", query.from());
        params.put("to", query.to());
        params.put("day", counts.stockDay(query));
        records.list(listing(id), query, params, offset, limit, row);
    }

    /** What a figure's records are: the same condition as its count (a rate lists its denominator). */
    private static Listing listing(String id) {
        return switch (id) {
            case "cases.onTimeRate" -> flowListing(Measure.CONCLUDED, List.of(Extra.PROMISED_DUE, Extra.ON_TIME));
            case "cases.legalOnTimeRate" -> flowListing(Measure.CONCLUDED, List.of(Extra.LEGAL_DUE, Extra.LEGAL_ON_TIME));
            case "enterprise.registrationWorkdays" -> flowListing(Measure.REGISTRATIONS, List.of(Extra.WORKDAYS));
            case "cases.open" -> new Listing(CaseFacts.OPEN_AT, CaseFacts.SUBMITTED_ON, List.of(Extra.PROMISED_DUE));
            case "cases.overdue" -> new Listing(CaseFacts.OPEN_AT + " and " + CaseFacts.OVERDUE_AT,
                    CaseFacts.SUBMITTED_ON, List.of(Extra.PROMISED_DUE));
            default -> {
                Measure m = COUNTS.get(id);
                if (m == null) {
                    throw new IllegalArgumentException("not a figure listed by casework: " + id);
                }
                yield flowListing(m, List.of());
            }
        };
    }

    private static Listing flowListing(Measure m, List<Extra> extras) {
        return new Listing(m.where(), m.fact.day, extras);
    }
}
