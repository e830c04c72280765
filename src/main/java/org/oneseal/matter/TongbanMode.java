package org.oneseal.matter;

/**
 * 全市通办 / 跨省通办: how a matter is handled away from its competent office. ONLINE — fully online (全程网办);
 * RECEIVE_ELSEWHERE — any hall receives (checks identity and form, collects materials) and forwards to the
 * competent office, which decides (异地代收); JOINT — offices of several places handle it together (多地联办).
 */
public enum TongbanMode {
    ONLINE, RECEIVE_ELSEWHERE, JOINT
}
