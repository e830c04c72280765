package org.oneseal.matter;

import org.oneseal.identity.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Creates and publishes matters (as the system administrator) for tests outside this package. */
@Component
public class PublishedMatters {

    private final MatterAdministration admin;
    private final CurrentUser currentUser;
    private final UserDetailsService users;

    PublishedMatters(MatterAdministration admin, CurrentUser currentUser, UserDetailsService users) {
        this.admin = admin;
        this.currentUser = currentUser;
        this.users = users;
    }

    /** A new matter of the region with these elements, published; its id. */
    public long publish(String matterCode, long regionId, MatterElements elements) {
        MatterTestSupport.signIn(users, "admin");
        try {
            var scope = currentUser.scope();
            long id = admin.create(scope, new NewMatter(matterCode, MatterTestSupport.uniqueCode(matterCode + "-"), regionId,
                    elements));
            admin.publish(scope, admin.detail(scope, id).draftVersionId());
            return id;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
