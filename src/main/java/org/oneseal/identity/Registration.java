package org.oneseal.identity;

import java.time.Clock;
import java.time.LocalDate;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.CreditCode;
import org.oneseal.shared.IdCardNumber;
import org.oneseal.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 注册: citizens and enterprises create their own accounts. Identifiers and passwords are checked on the
 * server; a duplicate (user name, ID card number, credit code) is refused with the field named.
 */
@Service
public class Registration {

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final IdentityMessages messages;
    private final Clock clock;

    Registration(AccountRepository accounts, JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit,
            IdentityMessages messages, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public long registerPerson(PersonRegistration form) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        checkPassword(form.username(), form.password(), form.passwordConfirm(), errors);
        IdCardNumber id = idCard("idCardNumber", form.idCardNumber(), errors);
        errors.throwIfAny();
        checkUsernameFree(form.username());
        if (count("select count(*) from oneseal.person where id_card_number = :v", id.value()) > 0) {
            throw new ConflictException("idCardNumber", messages.text("identity.idcard.taken"));
        }
        long accountId = insert(() -> {
            long aid = accounts.insert(Account.newApplicant(AccountKind.PERSON, form.username().strip(),
                    passwords.encode(form.password()), form.realName().strip()), clock.instant());
            jdbc.sql("insert into oneseal.person (account_id, real_name, id_card_number, phone) values (:a, :n, :i, :p)")
                    .param("a", aid).param("n", form.realName().strip()).param("i", id.value())
                    .param("p", form.phone() == null || form.phone().isBlank() ? null : form.phone()).update();
            return aid;
        });
        audit.record(AuditRecord.of("identity.register.person", "Account", accountId).actor(form.username().strip()));
        return accountId;
    }

    @Transactional
    public long registerEnterprise(EnterpriseRegistration form) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        checkPassword(form.username(), form.password(), form.passwordConfirm(), errors);
        CreditCode code = creditCode(form.creditCode(), errors);
        IdCardNumber rep = idCard("legalRepIdCard", form.legalRepIdCard(), errors);
        errors.throwIfAny();
        checkUsernameFree(form.username());
        if (count("select count(*) from oneseal.enterprise where credit_code = :v", code.value()) > 0) {
            throw new ConflictException("creditCode", messages.text("identity.creditcode.taken"));
        }
        long accountId = insert(() -> {
            long aid = accounts.insert(Account.newApplicant(AccountKind.ENTERPRISE, form.username().strip(),
                    passwords.encode(form.password()), form.enterpriseName().strip()), clock.instant());
            jdbc.sql("""
                    insert into oneseal.enterprise (account_id, name, credit_code, legal_representative, legal_rep_id_card)
                    values (:a, :n, :c, :r, :i)""").param("a", aid).param("n", form.enterpriseName().strip())
                    .param("c", code.value()).param("r", form.legalRepresentative().strip()).param("i", rep.value())
                    .update();
            jdbc.sql("""
                    insert into oneseal.enterprise_agent (enterprise_id, real_name, id_card_number, role, created_at)
                    values (:a, :n, :i, 'LEGAL_REPRESENTATIVE', :now)""").param("a", aid)
                    .param("n", form.legalRepresentative().strip()).param("i", rep.value())
                    .param("now", AccountRepository.ts(clock.instant())).update();
            return aid;
        });
        audit.record(AuditRecord.of("identity.register.enterprise", "Account", accountId).actor(form.username().strip()));
        return accountId;
    }

    private void checkPassword(String username, String password, String confirm, InvalidInputException.Collector errors) {
        String broken = PasswordPolicy.check(password, username);
        if (broken != null) {
            errors.add("password", messages.text(broken, PasswordPolicy.MIN_LENGTH));
        } else if (!password.equals(confirm)) {
            errors.add("passwordConfirm", messages.text("identity.password.mismatch"));
        }
    }

    private IdCardNumber idCard(String field, String raw, InvalidInputException.Collector errors) {
        IdCardNumber.Problem problem = IdCardNumber.validate(raw, LocalDate.now(clock));
        if (problem != null) {
            errors.add(field, messages.text(problem));
            return null;
        }
        return new IdCardNumber(raw);
    }

    private CreditCode creditCode(String raw, InvalidInputException.Collector errors) {
        IdCardNumber.Problem problem = CreditCode.validate(raw);
        if (problem != null) {
            errors.add("creditCode", messages.text(problem));
            return null;
        }
        return new CreditCode(raw);
    }

    private void checkUsernameFree(String username) {
        if (accounts.usernameTaken(username.strip())) {
            throw new ConflictException("username", messages.text("identity.username.taken"));
        }
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    /** Two people registering the same identifier at once: the database's unique index decides. */
    private long insert(java.util.function.LongSupplier work) {
        try {
            return work.getAsLong();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(null, messages.text("identity.register.duplicate"));
        }
    }
}
