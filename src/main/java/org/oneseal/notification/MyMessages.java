package org.oneseal.notification;

import java.time.Clock;
import org.oneseal.identity.AccountKind;
import org.oneseal.identity.AccountPrincipal;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的消息: the signed-in person's or enterprise's in-app messages. Nobody else's message is ever found: a
 * message id of another account answers 404, like one that does not exist.
 */
@Service
public class MyMessages {

    private final MessageStore store;
    private final CurrentUser currentUser;
    private final Clock clock;

    MyMessages(MessageStore store, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Inbox inbox() {
        long me = applicantId();
        return new Inbox(store.unread(me), store.inbox(me));
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return store.unread(applicantId());
    }

    /** Marks one of my messages read and returns it. */
    @Transactional
    public MessageView read(long messageId) {
        return store.markRead(messageId, applicantId(), clock.instant())
                .orElseThrow(() -> new NotFoundException("message " + messageId));
    }

    private long applicantId() {
        return currentUser.principal()
                .filter(p -> p.kind() == AccountKind.PERSON || p.kind() == AccountKind.ENTERPRISE)
                .map(AccountPrincipal::accountId)
                .orElseThrow(() -> new AccessDeniedException("applicants only"));
    }
}
