package org.oneseal.partybuilding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.oneseal.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's study record: the sessions they attended (and their individual study), their reflections with their
 * standing for the year, the reading lists handed to them with their receipts, their study points and activities.
 * Seen by the member and by whoever sees the member's organisation.
 */
@Service
public class MemberStudy {

    private final StudyAccess access;
    private final StudyRules rules;
    private final SessionQueries sessions;
    private final Reflections reflections;
    private final ReadingLists readingLists;
    private final StudyPoints points;
    private final StudyActivities activities;

    MemberStudy(StudyAccess access, StudyRules rules, SessionQueries sessions, Reflections reflections,
            ReadingLists readingLists, StudyPoints points, StudyActivities activities) {
        this.access = access;
        this.rules = rules;
        this.sessions = sessions;
        this.reflections = reflections;
        this.readingLists = readingLists;
        this.points = points;
        this.activities = activities;
    }

    /** A reading list handed to the member, with their receipt. */
    public record ListReceipt(ReadingLists.ReadingList list, ReadingLists.Receipt receipt) {
    }

    /** The member's study. {@code standing} is for this year so far (null when they are no member today). */
    public record StudyRecord(long memberId, String name, boolean own, Reflections.Standing standing,
                         List<StudySessions.Session> sessions, List<Reflections.Reflection> reflections,
                         List<ListReceipt> readingLists, List<StudyPoints.MonthPoints> points,
                         List<StudyActivities.Activity> activities) {
    }

    /** The caller's own study record (404 for a staff member who is no party member). */
    @Transactional(noRollbackFor = NotFoundException.class)
    public StudyRecord mine() {
        return of(access.me());
    }

    /**
     * A member's study record: all of it for the member; for others the sessions, reading lists and activities of the
     * organisations they see (a branch secretary does not read the organ committee's or the party group's sessions
     * through the record of a member who attended them, as the meetings of a member's record are those of branches
     * seen).
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public StudyRecord of(long memberId) {
        access.requireMemberVisible(memberId, "party.study.member");
        String name = access.names(List.of(memberId)).get(memberId);
        if (name == null) {
            throw new NotFoundException("party member " + memberId);
        }
        boolean own = access.isMe(memberId);
        LongPredicate seen = own ? id -> true : access.seen();
        LocalDate today = rules.today();
        Reflections.Standing standing = access.orgOn(memberId, today) == null ? null
                : reflections.standing(memberId, today);
        Map<Long, ReadingLists.Receipt> receipts = new java.util.HashMap<>();
        readingLists.receiptsOf(memberId).forEach(r -> receipts.put(r.listId(), r));
        List<ListReceipt> lists = readingLists.listsOf(memberId).stream().filter(l -> seen.test(l.orgId()))
                .map(l -> new ListReceipt(l, receipts.get(l.id()))).toList();
        return new StudyRecord(memberId, name, own, standing,
                sessions.sessions("s.id in (select session_id from oneseal.party_study_attendance where member_id = :m)",
                        Map.of("m", memberId)).stream().filter(s -> seen.test(s.orgId())).toList(),
                reflections.of(memberId), lists, points.of(memberId),
                activities.of(memberId).stream().filter(a -> seen.test(a.orgId())).toList());
    }
}
