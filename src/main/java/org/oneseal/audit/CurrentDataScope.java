package org.oneseal.audit;

import org.oneseal.shared.DataScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The data scope of the current auditor, provided by the identity module as a request-scoped
 * {@link DataScope} bean (audit does not depend on identity). Fails closed: without exactly one such
 * bean nothing is shown.
 */
@Component
class CurrentDataScope {

    private final ObjectProvider<DataScope> provider;

    CurrentDataScope(ObjectProvider<DataScope> provider) {
        this.provider = provider;
    }

    DataScope get() {
        return provider.getObject();
    }
}
