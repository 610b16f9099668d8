package vn.motcua.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.motcua.platform.MotcuaProperties;
import vn.motcua.platform.api.ProblemWriter;
import vn.motcua.platform.throttle.Throttle;

/**
 * Two audiences, three filter chains: the JSON API (HTTP Basic now, bearer tokens once OIDC is
 * added; stateless, so no CSRF), the API documentation, and the web pages (form login with CSRF,
 * session fixation protection, strict security headers).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true)
public class SecurityConfiguration {

    static final String[] OFFICER_ROLES = Stream.of(Role.values()).filter(Role::isOfficer)
            .map(Enum::name).toArray(String[]::new);

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    /**
     * No security observations at all: they were switched off by name (management.observations.enable), yet every
     * filter of every chain and every authorisation was still wrapped in a no-op observation. With this bean nothing
     * is wrapped.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** bcrypt-hashed local accounts, with verified HTTP Basic credentials remembered for a few minutes. */
    /** HSTS for a year, subdomains included, on every answer (not only those Tomcat sees as secure). */
    static HstsHeaderWriter hsts() {
        var hsts = new HstsHeaderWriter(Duration.ofDays(365).toSeconds(), true);
        hsts.setRequestMatcher(AnyRequestMatcher.INSTANCE);
        return hsts;
    }

    /** With {@code motcua.tls=true}: {@link #hsts()}; otherwise Spring Security's default (HTTPS requests only). */
    private static void transportSecurity(HeadersConfigurer<HttpSecurity> headers, MotcuaProperties properties) {
        if (properties.tls()) {
            headers.httpStrictTransportSecurity(h -> h.disable()).addHeaderWriter(hsts());
        }
    }

    /**
     * bcrypt-hashed local accounts, with verified HTTP Basic credentials remembered for a few minutes, behind the
     * sign-in throttle (which runs first, so a locked name costs no bcrypt).
     */
    @Bean
    org.springframework.security.authentication.AuthenticationManager authenticationManager(
            AccountService accounts, PasswordEncoder passwordEncoder, java.time.Clock clock, Throttle throttle,
            ApplicationEventPublisher events) {
        var dao = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(passwordEncoder);
        return new org.springframework.security.authentication.ProviderManager(
                new ThrottledSignIn(new VerifiedCredentialsCache(dao, accounts, clock), throttle, accounts, events));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemWriter problems,
                                 ObjectProvider<PublicEndpoints> publicEndpoints,
                                 org.springframework.security.authentication.AuthenticationManager authenticationManager,
                                 Throttle throttle, MotcuaProperties properties)
            throws Exception {
        List<PublicEndpoints> declared = publicEndpoints.orderedStream().toList();
        String[] publicGets = declared.stream().flatMap(p -> p.publicGetPaths().stream()).toArray(String[]::new);
        String[] publicPosts = declared.stream().flatMap(p -> p.publicPostPaths().stream()).toArray(String[]::new);
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> {
                    if (publicGets.length > 0) {
                        auth.requestMatchers(HttpMethod.GET, publicGets).permitAll();
                    }
                    if (publicPosts.length > 0) {
                        auth.requestMatchers(HttpMethod.POST, publicPosts).permitAll();
                    }
                    auth.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.authenticationDetailsSource(ThrottledSignIn.details(throttle))
                        .authenticationEntryPoint((req, res, ex) -> {
                            if (ex instanceof SignInLocked locked) {
                                problems.write(req, res, locked.refusal());
                            } else {
                                problems.write(req, res, HttpStatus.UNAUTHORIZED, "error.unauthorized");
                            }
                        }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(
                                (req, res, e) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "error.unauthorized"))
                        .accessDeniedHandler(
                                (req, res, e) -> problems.write(req, res, HttpStatus.FORBIDDEN, "error.forbidden")))
                // Stateless by construction: the context lives in a request attribute, no filter reads or creates a
                // session, saves the request for a login page or looks for a logout URL (none exists under /api).
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.disable())
                .requestCache(c -> c.disable())
                .logout(l -> l.disable())
                .csrf(csrf -> csrf.disable())
                .headers(h -> {
                    h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"));
                    transportSecurity(h, properties);
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain docsChain(HttpSecurity http, ProblemWriter problems,
                                  org.springframework.security.authentication.AuthenticationManager authenticationManager,
                                  Throttle throttle, MotcuaProperties properties)
            throws Exception {
        // Swagger UI ships its own scripts and styles; it gets the default headers but no strict CSP.
        // Health (liveness, readiness) is public for load balancers; metrics need an administrator or an auditor
        // account (read-only: the one to give a Prometheus scraper, with basic_auth).
        http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics/**", "/actuator/metrics")
                        .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.authenticationDetailsSource(ThrottledSignIn.details(throttle))
                        .authenticationEntryPoint((req, res, ex) -> {
                            if (ex instanceof SignInLocked locked) {
                                problems.write(req, res, locked.refusal());
                            } else {
                                problems.write(req, res, HttpStatus.UNAUTHORIZED, "error.unauthorized");
                            }
                        }))
                .headers(h -> transportSecurity(h, properties))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(
                                (req, res, e) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "error.unauthorized"),
                                req -> vn.motcua.platform.api.ApiPaths.isApi(req))
                        .defaultAccessDeniedHandlerFor(
                                (req, res, e) -> problems.write(req, res, HttpStatus.FORBIDDEN, "error.forbidden"),
                                req -> vn.motcua.platform.api.ApiPaths.isApi(req)))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http, ProblemWriter problems,
                                 org.springframework.security.authentication.AuthenticationManager authenticationManager,
                                 Throttle throttle, MotcuaProperties properties)
            throws Exception {
        var wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/workbench/**").hasAnyRole(OFFICER_ROLES)
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/my/**").hasRole(Role.CITIZEN.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").permitAll().successHandler(landingByAudience())
                        .authenticationDetailsSource(ThrottledSignIn.details(throttle))
                        .failureHandler((req, res, ex) -> {
                            if (ex instanceof SignInLocked locked) {
                                // The same page for every name, known or not: "try again in N minutes".
                                res.sendRedirect(req.getContextPath() + "/login?locked="
                                        + locked.refusal().args()[0]);
                            } else {
                                wrongPassword.onAuthenticationFailure(req, res, ex);
                            }
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/?logout"))
                // A CSRF or access denial on an API-looking path that reached this chain is still problem details.
                .exceptionHandling(ex -> ex.defaultAccessDeniedHandlerFor(
                        (req, res, e) -> problems.write(req, res, HttpStatus.FORBIDDEN, "error.forbidden"),
                        req -> vn.motcua.platform.api.ApiPaths.isApi(req)))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .headers(h -> transportSecurity(h, properties));
        return http.build();
    }

    /** Officers land on their workbench, citizens on their own dossiers, unless a page asked for login. */
    private AuthenticationSuccessHandler landingByAudience() {
        var saved = new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            boolean officer = authentication.getAuthorities().stream()
                    .anyMatch(a -> Stream.of(OFFICER_ROLES).anyMatch(r -> a.getAuthority().equals("ROLE_" + r)));
            saved.setDefaultTargetUrl(officer ? "/workbench" : "/my");
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
