package org.oneseal.license;

/** 证照状态: valid, changed (superseded by a newer version), revoked, expired (past its validity). */
public enum LicenceStatus {
    VALID, CHANGED, REVOKED, EXPIRED
}
