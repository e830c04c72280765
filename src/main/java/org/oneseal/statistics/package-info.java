/**
 * Statistics (统计): every figure the bureau reports as a named metric with a definition, computed live for any period,
 * region (全市, 市本级 or a county/district/zone with what lies below it) and, where it makes sense, department or
 * window; each with a drill-down to the records behind it (Excel export), the dashboards, and the
 * {@code /api/v1/statistics} API. The figures themselves come from each module's
 * {@link org.oneseal.shared.metrics.MetricSource}; this module checks who may see what and never reads another
 * module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics",
        allowedDependencies = {"shared", "identity", "audit"})
package org.oneseal.statistics;
