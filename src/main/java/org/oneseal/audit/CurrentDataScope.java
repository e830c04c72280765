package org.oneseal.audit;

import java.util.Set;
import org.oneseal.shared.DataScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The data scope of the current auditor. The identity module is expected to provide the current user's
 * {@link DataScope} as a (request-scoped) bean; until it does, auditors see the whole city.
 */
@Component
class CurrentDataScope {

    /** Region 0 stands for "no home region": only used together with the city-wide view. */
    static final DataScope CITY_WIDE = new DataScope(0L, null, true, Set.of(0L));

    private final ObjectProvider<DataScope> provider;

    CurrentDataScope(ObjectProvider<DataScope> provider) {
        this.provider = provider;
    }

    DataScope get() {
        return provider.getIfUnique(() -> CITY_WIDE);
    }
}
