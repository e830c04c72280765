package org.oneseal.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The applicants' in-app messages; every query is bound to one account. */
@Repository
class MessageStore {

    /** An inbox shows the newest messages only. */
    static final int INBOX_SIZE = 200;

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notice; false when it was stored before (a redelivered event). */
    boolean add(CaseNotice notice) {
        return jdbc.sql("""
                insert into oneseal.notification_message (account_id, case_id, kind, title, body, link, created_at)
                values (:account, :caseId, :kind, :title, :body, :link, :at)
                on conflict on constraint notification_message_once do nothing""")
                .param("account", notice.accountId()).param("caseId", notice.caseId()).param("kind", notice.kind())
                .param("title", notice.title()).param("body", notice.body()).param("link", notice.link())
                .param("at", Timestamp.from(notice.at())).update() == 1;
    }

    List<MessageView> inbox(long accountId) {
        return jdbc.sql("""
                select * from oneseal.notification_message where account_id = :account
                order by created_at desc, id desc limit :limit""")
                .param("account", accountId).param("limit", INBOX_SIZE).query(MessageStore::map).list();
    }

    long unread(long accountId) {
        return jdbc.sql("select count(*) from oneseal.notification_message where account_id = :account and read_at is null")
                .param("account", accountId).query(Long.class).single();
    }

    /** Marks the account's own message read (the first reading counts) and returns it. */
    Optional<MessageView> markRead(long id, long accountId, Instant at) {
        return jdbc.sql("""
                update oneseal.notification_message set read_at = coalesce(read_at, :at)
                where id = :id and account_id = :account returning *""")
                .param("at", Timestamp.from(at)).param("id", id).param("account", accountId)
                .query(MessageStore::map).optional();
    }

    private static MessageView map(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new MessageView(rs.getLong("id"), rs.getLong("case_id"), rs.getString("kind"), rs.getString("title"),
                rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
