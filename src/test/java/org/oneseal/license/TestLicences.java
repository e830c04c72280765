package org.oneseal.license;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test data: licence and decision commands with distinct case ids. */
final class TestLicences {

    private static final AtomicLong CASES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private TestLicences() {
    }

    static IssueLicence licence(LocalDate validFrom, LocalDate validUntil) {
        long caseId = CASES.incrementAndGet();
        Map<String, String> particulars = new LinkedHashMap<>();
        particulars.put("经营场所", "示范市人民路 88 号");
        particulars.put("经营项目", "预包装食品销售、热食类食品制售");
        return new IssueLicence(caseId, "SP2026-" + caseId, "食品经营许可证", "11100000000001", "食品经营许可",
                "示范市老张餐饮有限公司", "91110000MA01234567", "示范市行政审批局", 12, validFrom, validUntil, particulars);
    }

    static IssueDecision denial(String reasons, String legalBasis, String remedies) {
        long caseId = CASES.incrementAndGet();
        return new IssueDecision(caseId, "SP2026-" + caseId, "食品经营许可", "示范市老张餐饮有限公司", false, reasons,
                legalBasis, remedies, "示范市行政审批局", LocalDate.of(2026, 3, 2));
    }

    static void signInAsLicenceManager() {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("licence-manager", "x", "license:manage", "kind:STAFF"));
    }
}
