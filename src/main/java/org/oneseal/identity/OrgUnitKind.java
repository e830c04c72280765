package org.oneseal.identity;

/** 行政审批局 / 局内科室 / 进驻部门 / 政务服务大厅 / 窗口 */
public enum OrgUnitKind {
    BUREAU, BUREAU_SECTION, STATIONED_DEPARTMENT, SERVICE_HALL, WINDOW
}
