package org.oneseal.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may open what. Staff sign in with password + TOTP: after the password they hold only
 * {@code mfa:pending}, which opens nothing but the second-factor pages. Method security guards facades.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String MFA_PENDING = "mfa:pending";
    static final String[] SIGNED_IN = {"kind:STAFF", "kind:PERSON", "kind:ENTERPRISE"};
    private static final String[] PUBLIC_GET = {"/", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
        "/login", "/register", "/register/**", "/api/v1/calendar/**", "/guide", "/guide/**", "/verify", "/verify/**",
        "/rate/**", "/evaluation-bulletins", "/evaluation-bulletins/**", "/complaints/new", "/complaints/submitted",
        "/complaints/track", "/hall/**",
        "/api/v1/public/**", "/v3/api-docs", "/v3/api-docs/**",
        "/swagger-ui/**", "/swagger-ui.html", "/actuator/health", "/actuator/health/**", "/actuator/prometheus"};
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository contexts,
            LoginHandlers handlers, ApiProblemResponses problems, PageAccessDenied pageDenied, AccountRepository accounts,
            IdentityMessages messages)
            throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.securityContext(c -> c.securityContextRepository(contexts))
                .addFilterAfter(new SessionFreshness(accounts, messages), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, PUBLIC_GET).permitAll()
                        .requestMatchers(HttpMethod.POST, "/register/**", "/api/v1/registrations/**", "/verify",
                                "/api/v1/public/licenses/verification", "/rate/**", "/api/v1/public/ratings", "/api/v1/public/complaints",
                                "/complaints/new", "/complaints/track", "/hall/*/kiosk", "/hall/*/kiosk/**").permitAll()
                        .requestMatchers("/login/totp", "/login/totp/**").hasAuthority(MFA_PENDING)
                        .requestMatchers("/audit/verify", "/actuator/auditchain").hasAuthority("audit:verify")
                        .requestMatchers("/audit", "/audit/**", "/api/v1/audit/**").hasAuthority("audit:read")
                        .requestMatchers("/workbench/**", "/admin/**").hasAuthority("kind:STAFF")
                        // party building is for staff only: refused before any record is looked up (so that an
                        // applicant does not learn from 404 against 403 which records exist)
                        .requestMatchers("/api/v1/party/**").hasAuthority("kind:STAFF")
                        .requestMatchers("/me", "/me/**").hasAnyAuthority("kind:PERSON", "kind:ENTERPRISE")
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().hasAnyAuthority(SIGNED_IN))
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(handlers).failureHandler(handlers))
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(handlers)
                        .logoutSuccessUrl("/login?logout").invalidateHttpSession(true).deleteCookies("SESSION"))
                .sessionManagement(s -> s.invalidSessionStrategy(handlers))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(entryPoint(api, problems))
                        .accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(api, problems)), pageDenied)))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/v1/registrations/**", "/api/v1/public/**",
                        "/rate/**")) // the hall rating page: no session; its signed visit token guards the form
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /** The API answers 401 problem+json; pages send the browser to the login page. */
    private static AuthenticationEntryPoint entryPoint(RequestMatcher api, AuthenticationEntryPoint problems) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> map = new LinkedHashMap<>();
        map.put(api, problems);
        DelegatingAuthenticationEntryPoint delegating = new DelegatingAuthenticationEntryPoint(map);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return delegating;
    }
}
