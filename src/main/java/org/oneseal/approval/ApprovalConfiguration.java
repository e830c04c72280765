package org.oneseal.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires OneSeal into the Flowable process engine that Flowable's Spring Boot starter builds: the bridge that
 * turns engine events into Spring application events is registered before the engine starts, so no task is
 * ever created without its {@link ProcessStepReached}. The engine's own settings are the {@code flowable.*}
 * properties in application.yml; its transactions are the application's (the same DataSource and
 * PlatformTransactionManager), so engine changes commit or roll back with the caller's.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> processEventBridgeRegistration(ProcessEventBridge bridge) {
        return engine -> {
            Map<String, List<FlowableEventListener>> typed = new HashMap<>();
            if (engine.getTypedEventListeners() != null) {
                typed.putAll(engine.getTypedEventListeners());
            }
            typed.computeIfAbsent(ProcessEventBridge.EVENT_TYPES, types -> new ArrayList<>()).add(bridge);
            engine.setTypedEventListeners(typed);
        };
    }
}
