package org.oneseal.matter;

/** 办理形式：窗口办理 / 网上办理 / 快递申请 */
public enum HandlingForm {
    WINDOW, ONLINE, MAIL
}
