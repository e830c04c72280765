package org.oneseal.shared.metrics;

/** What a figure's number is; the report formats each unit its own way (件/个, %, 工作日, 分钟, 分, 万元/亿元). */
public enum MetricUnit {
    /** a number of things (件、个、次、人次) */
    COUNT,
    /** a percentage, 0–100 (never a fraction) */
    PERCENT,
    /** working days */
    DAYS,
    /** minutes (waiting and service times) */
    MINUTES,
    /** study points */
    POINTS,
    /** an amount of money in yuan */
    YUAN
}
