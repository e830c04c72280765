package org.oneseal.matter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 一件事 over the API: the public list and guides; the administrator's definitions. */
@RestController
@Tag(name = "matters", description = "matter.api.tag")
class BundleApi {

    private final Bundles bundles;
    private final CurrentUser currentUser;

    BundleApi(Bundles bundles, CurrentUser currentUser) {
        this.bundles = bundles;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/api/v1/public/bundles", produces = "application/json")
    @Operation(summary = "matter.api.bundles.summary")
    List<Bundles.BundleSummary> published() {
        return bundles.published();
    }

    @GetMapping(path = "/api/v1/public/bundles/{id}", produces = "application/json")
    @Operation(summary = "matter.api.bundle.summary")
    BundleGuide guide(@PathVariable long id) {
        return bundles.guide(id).orElseThrow(() -> new NotFoundException("bundle " + id));
    }

    @PostMapping(path = "/api/v1/bundles", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "matter.api.bundle.create")
    BundleGuide create(@RequestBody BundleCommand command) {
        long id = bundles.create(currentUser.scope(), command);
        return bundles.adminGuide(currentUser.scope(), id);
    }

    @PutMapping(path = "/api/v1/bundles/{id}", produces = "application/json")
    @Operation(summary = "matter.api.bundle.update")
    BundleGuide update(@PathVariable long id, @RequestBody BundleCommand command) {
        bundles.update(currentUser.scope(), id, command);
        return bundles.adminGuide(currentUser.scope(), id);
    }

    @PostMapping(path = "/api/v1/bundles/{id}/publication", produces = "application/json")
    @Operation(summary = "matter.api.bundle.publish")
    BundleGuide publish(@PathVariable long id, @RequestParam boolean published) {
        bundles.publish(currentUser.scope(), id, published);
        return bundles.adminGuide(currentUser.scope(), id);
    }
}
