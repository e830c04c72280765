package org.oneseal.partybuilding;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of 三会一课 and organisational life a branch records, with what each needs.
 * {@code everyMember}: the whole branch (or cell) is called, so each member of the day is recorded present or excused;
 * {@code firstAgenda}: a meeting where the latest central documents may be studied as the first agenda item (第一议题).
 */
enum MeetingKind {
    /** 支部党员大会. */
    BRANCH_GENERAL_MEETING(true, true),
    /** 支部委员会. */
    BRANCH_COMMITTEE_MEETING(false, true),
    /** 党小组会, recorded for one cell of the branch. */
    CELL_MEETING(true, true),
    /** 党课: a speaker and a topic. */
    PARTY_LESSON(false, false),
    /** 主题党日. */
    THEMED_PARTY_DAY(false, true),
    /** 组织生活会: may produce a rectification list. */
    ORGANISATIONAL_LIFE_MEETING(true, true),
    /** 民主评议党员: may produce a rectification list. */
    DEMOCRATIC_APPRAISAL(true, false),
    /** 谈心谈话: two participants. */
    HEART_TO_HEART_TALK(false, false),
    /** 双重组织生活: a leader taking part in their branch's life as an ordinary member. */
    DUAL_ORGANISATIONAL_LIFE(false, false);

    final boolean everyMember;
    final boolean firstAgenda;

    MeetingKind(boolean everyMember, boolean firstAgenda) {
        this.everyMember = everyMember;
        this.firstAgenda = firstAgenda;
    }

    static Optional<MeetingKind> of(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name == null ? "" : name.strip())).findFirst();
    }

    /** Whether a rectification list may come from a meeting of this kind. */
    boolean producesRectification() {
        return this == ORGANISATIONAL_LIFE_MEETING || this == DEMOCRATIC_APPRAISAL;
    }
}
