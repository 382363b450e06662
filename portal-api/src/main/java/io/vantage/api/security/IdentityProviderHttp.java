package io.vantage.api.security;

import java.time.Duration;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * HTTP clients for every call the portal makes to the identity provider, all with the connect and read timeout
 * of {@code vantage.auth.oidc.timeout}: a provider that hangs costs the person a few seconds and an error page,
 * not a request thread held for minutes.
 */
final class IdentityProviderHttp {

    private IdentityProviderHttp() {
    }

    static SimpleClientHttpRequestFactory requests(Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return requests;
    }

    /** Discovery documents and key sets. */
    static RestTemplate plain(Duration timeout) {
        return new RestTemplate(requests(timeout));
    }

    /** User info: OAuth2 error responses become exceptions Spring Security understands. */
    static RestTemplate userInfo(Duration timeout) {
        RestTemplate rest = new RestTemplate(requests(timeout));
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        return rest;
    }

    /** The token endpoint, as Spring Security's default client builds it but with the timeouts. */
    static RestClient tokenEndpoint(Duration timeout) {
        return RestClient.builder().requestFactory(requests(timeout))
                .configureMessageConverters(converters -> {
                    converters.addCustomConverter(new FormHttpMessageConverter());
                    converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }
}
