package org.oneseal.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 告知承诺核查 over the API: the checks of the caller's region, and their results. */
@RestController
@RequestMapping(path = "/api/v1/commitment-verifications", produces = "application/json")
@Tag(name = "casework")
class CommitmentApi {

    private final CaseCommitments commitments;

    CommitmentApi(CaseCommitments commitments) {
        this.commitments = commitments;
    }

    @GetMapping
    @Operation(summary = "告知承诺核查任务（本辖区，待核查在前）")
    List<CommitmentVerification> list() {
        return commitments.verifications();
    }

    @PostMapping("/{id}")
    @Operation(summary = "记录核查结果", description = "{passed, findings, consequence: CORRECTION_ORDER/REVOKE/TERMINATE, "
            + "correctionDue}；承诺不实的，记入申请人信用记录")
    CommitmentVerification conclude(@PathVariable long id, @RequestBody CaseCommitments.Outcome outcome) {
        return commitments.conclude(id, outcome);
    }
}
