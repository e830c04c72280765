package org.oneseal.identity;

import java.time.Clock;
import java.time.LocalDate;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.IdCardNumber;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 企业经办人: the people allowed to act for an enterprise. The legal representative is registered with
 * the enterprise; the enterprise adds and revokes agents itself. Revoked agents stay on record.
 */
@Service
public class EnterpriseAgents {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final IdentityMessages messages;
    private final Clock clock;

    EnterpriseAgents(JdbcClient jdbc, AuditLog audit, IdentityMessages messages, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether the person may act for the enterprise today. */
    @Transactional(readOnly = true)
    public boolean mayActFor(long enterpriseAccountId, IdCardNumber person) {
        return jdbc.sql("""
                select count(*) from oneseal.enterprise_agent
                where enterprise_id = :e and id_card_number = :p and revoked_at is null
                  and (valid_until is null or valid_until >= :today)""")
                .param("e", enterpriseAccountId).param("p", person.value()).param("today", LocalDate.now(clock))
                .query(Long.class).single() > 0;
    }

    @Transactional
    public void add(long enterpriseAccountId, AgentForm form) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        IdCardNumber.Problem problem = IdCardNumber.validate(form.idCardNumber(), LocalDate.now(clock));
        if (problem != null) {
            errors.add("idCardNumber", messages.text(problem));
        }
        if (form.validUntil() != null && form.validUntil().isBefore(LocalDate.now(clock))) {
            errors.add("validUntil", messages.text("identity.agent.validUntil.past"));
        }
        errors.throwIfAny();
        IdCardNumber id = new IdCardNumber(form.idCardNumber());
        if (mayActFor(enterpriseAccountId, id)) {
            throw new ConflictException("idCardNumber", messages.text("identity.agent.exists"));
        }
        jdbc.sql("""
                insert into oneseal.enterprise_agent (enterprise_id, real_name, id_card_number, role, valid_until, created_at)
                values (:e, :n, :i, 'AGENT', :v, :now)
                on conflict (enterprise_id, id_card_number)
                do update set real_name = :n, valid_until = :v, revoked_at = null, role = 'AGENT'""")
                .param("e", enterpriseAccountId).param("n", form.realName().strip()).param("i", id.value())
                .param("v", form.validUntil()).param("now", AccountRepository.ts(clock.instant())).update();
        audit.record(AuditRecord.of("identity.enterprise-agent.add", "Account", enterpriseAccountId)
                .reason("agent " + id.masked()));
    }

    @Transactional
    public void revoke(long enterpriseAccountId, long agentId) {
        int changed = jdbc.sql("""
                update oneseal.enterprise_agent set revoked_at = :now
                where id = :id and enterprise_id = :e and role = 'AGENT' and revoked_at is null""")
                .param("now", AccountRepository.ts(clock.instant())).param("id", agentId).param("e", enterpriseAccountId)
                .update();
        if (changed == 0) {
            throw new NotFoundException("agent " + agentId);
        }
        audit.record(AuditRecord.of("identity.enterprise-agent.revoke", "Account", enterpriseAccountId)
                .reason("agent #" + agentId));
    }
}
