package org.oneseal.report;

/** 年度工作报告 (a year) or 月度通报 (a month of 好差评 and 办不成事 figures). */
public enum ReportKind {
    ANNUAL, MONTHLY
}
