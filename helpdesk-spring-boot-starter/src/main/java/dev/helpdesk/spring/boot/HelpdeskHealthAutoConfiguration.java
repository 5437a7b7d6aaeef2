package dev.helpdesk.spring.boot;

import dev.helpdesk.spring.boot.actuate.HelpdeskHealthIndicator;
import dev.helpdesk.spring.boot.actuate.HelpdeskProbe;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The desk's health indicator ({@code helpdesk}) for Spring Boot's actuator, when Boot's health
 * support is on the class path and the desk stores its tickets with JDBC.
 */
@AutoConfiguration(after = HelpdeskAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(HelpdeskProbe.class)
public class HelpdeskHealthAutoConfiguration {
    /** Created by Spring's auto-configuration. */
    public HelpdeskHealthAutoConfiguration() {
    }


    /**
     * The health indicator, named {@code helpdesk} in the actuator's health.
     *
     * @param probe      the store's figures
     * @param properties the {@code helpdesk.health.*} limits
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "helpdeskHealthIndicator")
    public HelpdeskHealthIndicator helpdeskHealthIndicator(HelpdeskProbe probe, HelpdeskProperties properties) {
        HelpdeskProperties.HealthLimits limits = properties.getHealth();
        return new HelpdeskHealthIndicator(probe, limits.getMaxBacklog(), limits.getMaxDeadLetters(), limits.getMaxDueLag());
    }
}
