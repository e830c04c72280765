package org.oneseal.partybuilding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items of rectification lists ({@link RectificationLists}) once recorded: reading them (whoever sees the branch,
 * and the item's owner), evidence (text and files; by those who manage the branch or by the owner) and closing (by
 * those who manage the branch, never without written evidence: refused with nothing changed).
 */
@Service
public class RectificationItems {

    private final JdbcClient jdbc;
    private final PartyAccess access;
    private final PartyOrganisation organisation;
    private final RectificationReads reads;
    private final RectificationHistory history;
    private final PartyFiles files;
    private final PartyMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    RectificationItems(JdbcClient jdbc, PartyAccess access, PartyOrganisation organisation, RectificationReads reads,
            RectificationHistory history, PartyFiles files, PartyMessages messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.organisation = organisation;
        this.reads = reads;
        this.history = history;
        this.files = files;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Evidence for an open item (text, files or both): by those who manage the branch, or by the item's owner. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public RectificationLists.ItemDetail addEvidence(long itemId, String evidence, List<PartyFiles.Upload> uploads) {
        lock(itemId);
        RectificationLists.Item item = item(itemId).item();
        if (!own(item)) {
            access.requireManaged(item.branchId(), "party.rectification.evidence");
        }
        open(item);
        String text = RectificationLists.text(evidence);
        List<PartyFiles.Upload> given = uploads == null ? List.of() : uploads;
        var errors = new InvalidInputException.Collector();
        if (text == null && given.isEmpty()) {
            errors.add("evidence", messages.text("party.rectification.evidenceMissing"));
        }
        var checked = evidence(itemId, text, given, errors);
        errors.throwIfAny();
        store(item, text, checked);
        return reads.detail(itemId).orElseThrow();
    }

    /** Closes an open item (DONE): refused, nothing changed, unless it has written evidence (given now or before). */
    @Transactional(noRollbackFor = NotFoundException.class)
    public RectificationLists.ItemDetail close(long itemId, String evidence, List<PartyFiles.Upload> uploads) {
        lock(itemId);
        RectificationLists.Item item = item(itemId).item();
        access.requireManaged(item.branchId(), "party.rectification.close");
        open(item);
        String text = RectificationLists.text(evidence);
        if (text == null && item.evidence() == null) {
            throw new BusinessRuleViolation("party.rectification.noEvidence",
                    messages.text("party.rectification.noEvidence"));
        }
        var errors = new InvalidInputException.Collector();
        var checked = evidence(itemId, text, uploads == null ? List.of() : uploads, errors);
        errors.throwIfAny();
        store(item, text, checked);
        String by = access.staff().getUsername();
        jdbc.sql("update oneseal.party_rectification_item set status = 'DONE', closed_on = :d, closed_by = :by where id = :id")
                .param("d", LocalDate.now(clock)).param("by", by).param("id", itemId).update();
        history.add(itemId, "CLOSED", null, by);
        audit.record(AuditRecord.of("party.rectification.close", "PartyRectificationItem", itemId));
        return reads.detail(itemId).orElseThrow();
    }

    /** An item: for whoever sees its branch, and for its owner. */
    @Transactional(noRollbackFor = NotFoundException.class)
    public RectificationLists.ItemDetail item(long itemId) {
        RectificationLists.ItemDetail d = reads.detail(itemId).orElse(null);
        if (d == null || !(own(d.item()) || access.visibleOrgs().contains(d.item().branchId()))) {
            access.deny("party.rectification.read", "PartyRectificationItem", itemId, "neither seen nor owned");
            throw new NotFoundException("item " + itemId);
        }
        return d;
    }

    /** The items a member owns, as the caller may see them (all for the member; else those of branches seen). */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<RectificationLists.Item> ownedBy(long memberId) {
        organisation.member(memberId);
        boolean own = access.myMemberId().filter(me -> me == memberId).isPresent();
        var visible = access.visibleOrgs();
        return reads.items("i.owner_id = :id", memberId).stream()
                .filter(i -> own || visible.contains(i.branchId())).toList();
    }

    @Transactional(noRollbackFor = NotFoundException.class)
    public ResponseEntity<byte[]> file(long itemId, long fileId) {
        item(itemId);
        return files.response(PartyFiles.Owner.ITEM, itemId, fileId)
                .orElseThrow(() -> new NotFoundException("file " + fileId));
    }

    private List<PartyFiles.Checked> evidence(long itemId, String text, List<PartyFiles.Upload> uploads,
            InvalidInputException.Collector errors) {
        if (text != null && text.length() > 2000) {
            errors.add("evidence", messages.text("party.rectification.evidenceLength"));
        }
        return files.check(uploads, files.count(PartyFiles.Owner.ITEM, itemId), errors);
    }

    private void store(RectificationLists.Item item, String text, List<PartyFiles.Checked> checked) {
        if (text == null && checked.isEmpty()) {
            return;
        }
        String by = access.staff().getUsername();
        if (text != null) {
            jdbc.sql("update oneseal.party_rectification_item set evidence = :e where id = :id").param("e", text)
                    .param("id", item.id()).update();
        }
        files.store(PartyFiles.Owner.ITEM, item.id(), checked, by);
        String names = checked.stream().map(PartyFiles.Checked::fileName).collect(Collectors.joining("、"));
        history.add(item.id(), "EVIDENCE", text == null ? names : names.isEmpty() ? text : text + "（" + names + "）", by);
        audit.record(AuditRecord.of("party.rectification.evidence", "PartyRectificationItem", item.id()));
    }

    /**
     * Serialises the changes of an item: two closings at once would both find it open (and close it twice, with two
     * CLOSED steps in its history), evidence coming with a closing would be written over a closed item, and two
     * uploads would both find room for their files.
     */
    private void lock(long itemId) {
        jdbc.sql("select id from oneseal.party_rectification_item where id = :id for update").param("id", itemId)
                .query(Long.class).optional();
    }

    private void open(RectificationLists.Item item) {
        if (!"OPEN".equals(item.status())) {
            throw new BusinessRuleViolation("party.rectification.closed", messages.text("party.rectification.closed"));
        }
    }

    private boolean own(RectificationLists.Item item) {
        return access.myMemberId().filter(me -> me == item.ownerId()).isPresent();
    }
}
