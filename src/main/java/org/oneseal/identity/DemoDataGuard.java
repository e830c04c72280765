package org.oneseal.identity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile OneSeal refuses to run on a database that holds the demo data: its accounts
 * have a published password and second-factor secret.
 */
@Component
@ConditionalOnProperty(name = "oneseal.demo.enabled", havingValue = "false", matchIfMissing = true)
@Order(0)
class DemoDataGuard implements ApplicationRunner {

    private final RegionRepository regions;

    DemoDataGuard(RegionRepository regions) {
        this.regions = regions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (regions.findByCode(DemoData.CITY_CODE).isPresent()) {
            throw new IllegalStateException("This database holds the OneSeal demo data (示范市 and demo accounts with a "
                    + "published password). Outside the demo profile use a database of its own; see docs/operator-guide.md.");
        }
    }
}
