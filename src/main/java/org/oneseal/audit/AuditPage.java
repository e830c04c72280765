package org.oneseal.audit;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param nextBeforeSeq the cursor of the next (older) page, null on the last page
 */
public record AuditPage(List<AuditEntry> entries, Long nextBeforeSeq) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return nextBeforeSeq != null;
    }
}
