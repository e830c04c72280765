package org.oneseal.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The decision over the API: grant or deny, signed under the seal, with the licence of a grant. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "cases")
class DecisionApi {

    private final CaseDecisions decisions;

    DecisionApi(CaseDecisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/cases/{id}/decision")
    @Operation(summary = "作出决定（不予许可须说明法律依据和救济途径）")
    CaseView decide(@PathVariable long id, @Valid @RequestBody Decision decision) {
        return decisions.decide(id, decision);
    }
}
