package org.oneseal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Create or change a staff account. The initial password is only used when creating. */
public record StaffAccountCommand(
        @NotBlank(message = "{identity.username.required}")
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{2,39}", message = "{identity.username.pattern}") String username,
        @NotBlank(message = "{identity.displayName.required}") @Size(max = 100, message = "{identity.name.size}") String displayName,
        @NotNull(message = "{identity.orgunit.region.required}") Long regionId,
        Long orgUnitId,
        Boolean cityWide,
        Set<Role> roles,
        Boolean enabled,
        @Size(max = 64, message = "{identity.password.tooLong}") String initialPassword) {

    public StaffAccountCommand {
        // an empty choice ("roles=") converts to a null role: not a role, so not kept
        roles = roles == null ? Set.of()
                : roles.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
        cityWide = Boolean.TRUE.equals(cityWide);
        enabled = Boolean.TRUE.equals(enabled);
    }
}
