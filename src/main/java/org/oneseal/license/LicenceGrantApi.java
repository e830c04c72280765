package org.oneseal.license;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 免证办 over the API: the holder's grants and pulls; the window's pull. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "licences")
class LicenceGrantApi {

    private final LicenceGrants grants;

    LicenceGrantApi(LicenceGrants grants) {
        this.grants = grants;
    }

    /** What the holder asks for. */
    record GrantRequest(String licenceId, Long windowUnitId, String purpose, Integer validHours) {
    }

    /** What the window presents: the QR token or the one-time code. */
    record PullRequest(String credential) {
    }

    @GetMapping("/me/licences")
    @Operation(summary = "我的电子证照")
    List<LicenceView> licences() {
        return grants.myLicences();
    }

    @GetMapping("/me/licence-grants")
    @Operation(summary = "我的授权（含有效的二维码和一次性授权码）")
    List<LicenceGrants.GrantView> myGrants() {
        return grants.myGrants();
    }

    @PostMapping("/me/licence-grants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "授权窗口提取电子证照", description = "{licenceId, windowUnitId, purpose, validHours (1–720)}")
    LicenceGrants.GrantView grant(@RequestBody GrantRequest request) {
        return grants.grant(request.licenceId(), request.windowUnitId(), request.purpose(), request.validHours());
    }

    @PostMapping("/me/licence-grants/{id}/revocation")
    @Operation(summary = "撤销授权")
    LicenceGrants.GrantView revoke(@PathVariable long id) {
        return grants.revoke(id);
    }

    @GetMapping("/me/licence-pulls")
    @Operation(summary = "我的证照被提取的记录")
    List<LicenceGrants.PullView> pulls() {
        return grants.myPulls();
    }

    @PostMapping("/licence-pulls")
    @Operation(summary = "窗口凭授权提取电子证照", description = "{credential: 二维码中的令牌或8位一次性授权码}")
    LicenceGrants.Pulled pull(@RequestBody PullRequest request) {
        return grants.pull(request.credential());
    }
}
