package org.oneseal.identity;

import org.oneseal.shared.DataScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.web.context.WebApplicationContext;

/**
 * The signed-in staff member's {@link DataScope} as a request-scoped bean, for modules that must not
 * depend on identity (they ask an {@code ObjectProvider<DataScope>} within a request).
 */
@Configuration(proxyBeanMethods = false)
class DataScopeBean {

    @Bean
    @Scope(value = WebApplicationContext.SCOPE_REQUEST, proxyMode = ScopedProxyMode.NO)
    DataScope signedInDataScope(CurrentUser currentUser) {
        return currentUser.scope();
    }
}
