/**
 * The contract between the modules that own records and the statistics module that reports on them
 * (issue 9). Each module declares its figures ({@link MetricDefinition}) and computes them and the records behind
 * them ({@link MetricSource}) from its own tables; the statistics module knows no table of another module.
 *
 * <p>A source trusts the {@link MetricQuery} it gets: the statistics module has already checked the caller's
 * authority and narrowed the regions to the caller's data scope. Sources are therefore never called from a
 * controller directly.
 */
package org.oneseal.shared.metrics;
