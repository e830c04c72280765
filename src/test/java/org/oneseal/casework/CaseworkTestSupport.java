package org.oneseal.casework;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.oneseal.matter.MatterCatalogue;
import org.oneseal.matter.MatterVersionView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Acting as demo accounts and building applications in casework tests. */
@Component
class CaseworkTestSupport {

    private final UserDetailsService users;
    private final MatterCatalogue catalogue;
    private final JdbcClient jdbc;

    CaseworkTestSupport(UserDetailsService users, MatterCatalogue catalogue, JdbcClient jdbc) {
        this.users = users;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    /** Signs in as a demo account (fully, second factor included) for the calls that follow. */
    void as(String username) {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    void signOut() {
        SecurityContextHolder.clearContext();
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }

    /** The published 食品经营许可 of a region (990100 city, 990121 南溪县). */
    MatterVersionView foodPermit(String regionCode) {
        long region = jdbc.sql("select id from oneseal.region where code = :c").param("c", regionCode)
                .query(Long.class).single();
        return catalogue.published(region).stream().filter(m -> m.name().equals("食品经营许可")).findFirst().orElseThrow();
    }

    /** zhangsan applies for the 食品经营许可 of the region with every required material; returns the case id. */
    long applied(String regionCode, CaseIntake intake) {
        MatterVersionView food = foodPermit(regionCode);
        as("zhangsan");
        long id = intake.apply(new Application(food.matterId(), null, null), requiredFiles(food), null).id();
        signOut();
        return id;
    }

    /** One PDF for every required material of the matter. */
    static List<SubmittedFile> requiredFiles(MatterVersionView matter) {
        return matter.materials().stream().filter(m -> m.required())
                .map(m -> new SubmittedFile(m.code(), m.code() + ".pdf", "application/pdf", pdf(m.name()))).toList();
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A value written by an asynchronous listener (after the commit): polled for up to 10 s while it is 0. */
    static long eventually(java.util.function.LongSupplier value) {
        return org.oneseal.Eventually.nonZero(value);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from oneseal." + table).query(Long.class).single();
    }
}
