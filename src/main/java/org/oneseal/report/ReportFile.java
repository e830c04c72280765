package org.oneseal.report;

/**
 * A generated report.
 *
 * @param fileName    a file name for the download, e.g. 全市2025年度报告.docx
 * @param contentType the media type
 * @param content     the file
 */
public record ReportFile(String fileName, String contentType, byte[] content) {
}
