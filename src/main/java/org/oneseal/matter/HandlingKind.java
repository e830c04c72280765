package org.oneseal.matter;

/** 即办件 / 承诺件 */
public enum HandlingKind {
    IMMEDIATE, PROMISED
}
