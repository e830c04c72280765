package org.oneseal.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.oneseal.casework.CaseStatusChanged;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Acting as demo accounts, the demo 食品经营许可 and reading what the notifier stored. */
@Component
class NotificationTestSupport {

    static final Duration ASYNC_LIMIT = Duration.ofSeconds(20);

    private final UserDetailsService users;
    private final MatterCatalogue catalogue;
    private final JdbcClient jdbc;

    NotificationTestSupport(UserDetailsService users, MatterCatalogue catalogue, JdbcClient jdbc) {
        this.users = users;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    void as(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    void signOut() {
        SecurityContextHolder.clearContext();
    }

    long accountId(String username) {
        return jdbc.sql("select id from oneseal.account where username = :u").param("u", username)
                .query(Long.class).single();
    }

    /** The city's (示范市) published 食品经营许可. */
    MatterVersionView cityFoodPermit() {
        long region = jdbc.sql("select id from oneseal.region where code = '990100'").query(Long.class).single();
        return catalogue.published(region).stream().filter(m -> m.name().equals("食品经营许可")).findFirst().orElseThrow();
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Messages of a case, oldest first. */
    List<MessageView> messagesOf(long caseId) {
        return jdbc.sql("select * from oneseal.notification_message where case_id = :c order by created_at, id")
                .param("c", caseId).query((rs, n) -> new MessageView(rs.getLong("id"), rs.getLong("case_id"),
                        rs.getString("kind"), rs.getString("title"), rs.getString("body"), rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(), null)).list();
    }

    /** Waits until no notice of a case status change is pending in the event publication registry. */
    void awaitNoticesCompleted() {
        Eventually.within(ASYNC_LIMIT, "every CaseStatusChanged publication completed", () -> jdbc.sql("""
                select count(*) from oneseal.event_publication
                where event_type = :type and completion_date is null""")
                .param("type", CaseStatusChanged.class.getName()).query(Long.class).single() == 0);
    }
}
