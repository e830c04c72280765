package org.oneseal.casework;

import org.oneseal.matter.MatterVersionView;
import org.springframework.stereotype.Component;

/** Builds a granted city-level case (with material and licence) for sweeps outside this package. */
@Component
public class CaseworkSweepSupport {

    private final CaseworkTestSupport support;
    private final CaseIntake intake;
    private final CaseHandling handling;
    private final CaseDecisions decisions;
    private final CaseQueries queries;

    CaseworkSweepSupport(CaseworkTestSupport support, CaseIntake intake, CaseHandling handling,
            CaseDecisions decisions, CaseQueries queries) {
        this.support = support;
        this.intake = intake;
        this.handling = handling;
        this.decisions = decisions;
        this.queries = queries;
    }

    public GrantedCase grantedCityCase() {
        MatterVersionView food = support.foodPermit("990100");
        support.as("zhangsan");
        long id = intake.apply(new Application(food.matterId(), null, null), CaseworkTestSupport.requiredFiles(food),
                null).id();
        support.as("window01");
        handling.accept(id);
        support.as("reviewer01");
        handling.completeReview(id, "符合要求");
        support.as("chief01");
        CaseView granted = decisions.decide(id, new Decision(true, "符合条件", null, null));
        long material = queries.detail(id).materials().getFirst().id();
        support.signOut();
        return new GrantedCase(id, granted.caseNumber(), material, granted.licenceId(), food.matterId(), food.versionId());
    }

    /** The ids of a granted case of 示范市. */
    public record GrantedCase(long caseId, String caseNumber, long materialId, String licenceId, long matterId,
                              long matterVersionId) {
    }
}
