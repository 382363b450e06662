package io.vantage.api.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors: {@code /api/**} for scripts and the UI's own calls (bearer token or session, 401/403 as problem+json),
 * and the browser UI (OIDC login with PKCE, CSRF on forms, strict headers). Websocket tunnels authenticate with
 * single-use tickets instead, so their HTTP upgrade is open here. Notebook hosts never reach these chains: the
 * notebook proxy answers them in a filter before Spring Security. In both chains, the roles of a session are those
 * held at each request ({@link SessionRolesFilter}); bearer tokens get theirs from {@link PortalJwtConverter}. The
 * identity provider's back-channel logouts arrive at {@link BackChannelLogoutFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/css/**", "/js/**", "/img/**", "/webjars/**", "/vendor/**", "/favicon.ico", "/error", "/login-error",
            "/signed-out", "/tunnels/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    private static final RequestMatcher BEARER = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, PortalJwtConverter jwtConverter, IssuerLocation issuer,
                            NotebookOrigins notebooks, EffectiveRoles roles) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        // The request that opened an event stream was checked; its later async dispatches (a stream
                        // closed at sign-out, a send that failed) are not new requests and must not be refused.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // CSRF protects requests a browser sends with the session cookie; without a session (scripts with a
                // token, anonymous callers who get 401) there is nothing to forge.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER, request -> request.getSession(false) == null))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.addHeaderWriter(new SecurityHeaders(issuer.uri(), notebooks)))
                .addFilterBefore(new ProviderOutageFilter(), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new SessionRolesFilter(roles), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ClientRegistrationRepository registrations,
                            PortalOidcUserService userService, IssuerLocation issuer, NotebookOrigins notebooks,
                            EffectiveRoles roles, PortalSessions sessions, AuthProperties properties)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        LoginFailureHandler failures = new LoginFailureHandler();
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/signed-out");

        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/" + LazyClientRegistrationRepository.REGISTRATION_ID)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                                new FailSafeAuthorizationRequestResolver(resolver)))
                        .userInfoEndpoint(info -> info.oidcUserService(userService))
                        // The login's tokens live with its session (in the database), not in one replica's memory,
                        // and go when the session ends.
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .successHandler(new OidcLoginSuccessHandler(sessions))
                        .failureHandler(failures)
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(failures);
                                return filter;
                            }
                        }))
                .logout(l -> l.logoutSuccessHandler(logout))
                // CSRF on for every session request: notebooks live on origins of their own (NotebookOrigins),
                // never under the portal's, so nothing here is excluded for them.
                .addFilterBefore(new BackChannelLogoutFilter(registrations, sessions, properties), CsrfFilter.class)
                .addFilterBefore(new SessionRolesFilter(roles), AuthorizationFilter.class)
                .headers(headers -> headers
                        .addHeaderWriter(new SecurityHeaders(issuer.uri(), notebooks))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
