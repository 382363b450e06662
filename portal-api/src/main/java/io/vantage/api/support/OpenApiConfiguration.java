package io.vantage.api.support;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI document: only {@code /api/**}, authenticated with the identity provider's bearer tokens. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI vantageOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vantage API").version("1")
                        .description("Launch and manage analysis instances, share them, connect to them. "
                                + "Send an access token of the facility's identity provider as 'Authorization: Bearer'.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    GroupedOpenApi vantageApiGroup() {
        return GroupedOpenApi.builder().group("vantage").pathsToMatch("/api/**").build();
    }
}
