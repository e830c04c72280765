package org.oneseal.report;

/**
 * A placeholder a template cannot be generated with, and why.
 *
 * @param placeholder as written between the braces, e.g. {@code evaluation.total:bogus}
 * @param reason      readable: no such metric, unknown format, …
 */
public record TemplateProblem(String placeholder, String reason) {
}
