/**
 * Reports (报告): the annual work report and the monthly bulletins, written from templates whose placeholders are
 * metric ids ({@code ${evaluation.total}}), generated as DOCX and PDF with a trace of every figure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
        allowedDependencies = {"shared", "identity", "audit", "statistics"})
package org.oneseal.report;
