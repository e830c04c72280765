package org.oneseal.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may open what. Pages and API share one filter chain; method security guards the facades. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC = {"/", "/css/**", "/webjars/**", "/favicon.ico", "/error", "/error/**",
        "/login", "/register/**", "/api/v1/calendar/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
        "/actuator/health/**", "/actuator/prometheus"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, PUBLIC).permitAll()
                        .requestMatchers("/register/**", "/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/").invalidateHttpSession(true));
        return http.build();
    }
}
