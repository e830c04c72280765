package org.oneseal.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.license.Verdict.Outcome;
import org.oneseal.shared.BusinessRuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class LicensingTests {

    @Autowired
    Licensing licensing;
    @Autowired
    LicenceVerification verification;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now(LicencePdf.ZONE);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anIssuedLicenceVerifiesAsValid() {
        IssueLicence command = TestLicences.licence(today, today.plusYears(5));
        LicenceView licence = licensing.issue(command);

        assertThat(LicenceIdentifier.isWellFormed(licence.licenceId())).isTrue();
        assertThat(licence.status()).isEqualTo(LicenceStatus.VALID);
        assertThat(licence.holderIdentifierMasked()).isEqualTo("9111**********4567");
        assertThat(licensing.licenceOfCase(command.caseId())).contains(licence);
        Verdict verdict = verification.byId(licence.licenceId());
        assertThat(verdict.outcome()).isEqualTo(Outcome.VALID);
        assertThat(verdict.reason()).contains("真实有效");
        assertThat(jdbc.sql("select count(*) from oneseal.seal_ledger where document_id = :id and purpose = 'license.issue'")
                .param("id", licence.licenceId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneChangedCharacterInTheRegisterFailsVerification() {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(5)));

        jdbc.sql("update oneseal.licence_particular set value = '示范市人民路 89 号' where licence_id = :id and name = '经营场所'")
                .param("id", licence.licenceId()).update();

        Verdict verdict = verification.byId(licence.licenceId());
        assertThat(verdict.outcome()).isEqualTo(Outcome.TAMPERED);
        assertThat(verdict.reason()).contains("登记数据与电子印章签名不符");
    }

    @Test
    void oneChangedByteOfTheStoredSignatureFailsVerification() {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(5)));

        // flip one bit of byte 20 (overwriting it with a constant would leave it unchanged when it already was)
        jdbc.sql("update oneseal.licence set signature = set_byte(signature, 19, get_byte(signature, 19) # 1) where licence_id = :id")
                .param("id", licence.licenceId()).update();

        assertThat(verification.byId(licence.licenceId()).outcome()).isEqualTo(Outcome.TAMPERED);
    }

    @Test
    void aRevokedLicenceSaysSoWithTheReason() {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(5)));
        TestLicences.signInAsLicenceManager();

        LicenceView revoked = licensing.revoke(licence.licenceId(), "申请人申请注销");

        assertThat(revoked.status()).isEqualTo(LicenceStatus.REVOKED);
        Verdict verdict = verification.byId(licence.licenceId());
        assertThat(verdict.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(verdict.reason()).contains("已被注销").contains("申请人申请注销");
        assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'license.revoke' and object_id = :id")
                .param("id", licence.licenceId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void revocationNeedsTheAuthority() {
        LicenceView licence = licensing.issue(TestLicences.licence(today, today.plusYears(5)));

        assertThatThrownBy(() -> licensing.revoke(licence.licenceId(), "无权限"))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class)
                .isNotInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void aLicencePastItsLastDayIsExpired() {
        LicenceView licence = licensing.issue(TestLicences.licence(today.minusYears(3), today.minusDays(1)));

        assertThat(licence.status()).isEqualTo(LicenceStatus.EXPIRED);
        Verdict verdict = verification.byId(licence.licenceId());
        assertThat(verdict.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(verdict.reason()).contains("已过期");
    }

    @Test
    void aChangeMakesANewSignedVersionAndTheOldOneChanged() {
        IssueLicence command = TestLicences.licence(today, today.plusYears(5));
        LicenceView first = licensing.issue(command);
        TestLicences.signInAsLicenceManager();

        LicenceView second = licensing.change(first.licenceId(), Map.of("经营场所", "示范市解放路 1 号"), "经营场所变更");

        assertThat(second.licenceId()).isNotEqualTo(first.licenceId());
        assertThat(verification.byId(second.licenceId()).outcome()).isEqualTo(Outcome.VALID);
        Verdict old = verification.byId(first.licenceId());
        assertThat(old.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(old.reason()).contains(second.licenceId());
        assertThat(licensing.licenceOfCase(command.caseId()).orElseThrow().licenceId()).isEqualTo(second.licenceId());

        LicenceView third = licensing.renew(second.licenceId(), today, today.plusYears(10), "延续");
        assertThat(third.validUntil()).isEqualTo(today.plusYears(10));
        assertThatThrownBy(() -> licensing.revoke(first.licenceId(), "旧版本")).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void anUnknownOrMistypedIdentifierIsExplained() {
        String unknown = LicenceIdentifier.of(2026, 999_999, 999_999);

        assertThat(verification.byId(unknown).reason()).contains("未找到证照");
        assertThat(verification.byId("OS2026").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(verification.byId("OS2026").reason()).contains("不是有效的证照编号");
    }

    @Test
    void aDenialWithoutReasonsLegalBasisOrRemediesIsRefused() {
        assertThatThrownBy(() -> licensing.signDecision(TestLicences.denial(" ", "《食品经营许可管理办法》第十条", "可申请复议")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("理由");
        assertThatThrownBy(() -> licensing.signDecision(TestLicences.denial("场所不符合要求", null, "可申请复议")))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> licensing.signDecision(TestLicences.denial("场所不符合要求", "第十条", "")))
                .isInstanceOf(BusinessRuleViolation.class);

        DecisionView decision = licensing.signDecision(TestLicences.denial("经营场所与住宅未有效隔离", "《食品经营许可管理办法》第十条",
                "如不服本决定，可在收到之日起六十日内申请行政复议，或者六个月内提起行政诉讼。"));
        assertThat(decision.documentId()).matches("JD\\d{12}");
        assertThat(licensing.decisionPdf(decision.documentId())).startsWith("%PDF-".getBytes());
    }

    @Test
    void aSecondLicenceForTheSameCaseIsRefused() {
        IssueLicence command = TestLicences.licence(today, today.plusYears(5));
        licensing.issue(command);

        assertThatThrownBy(() -> licensing.issue(command)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("已发放电子证照");
    }
}
