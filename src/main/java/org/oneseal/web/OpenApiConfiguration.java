package org.oneseal.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI oneSealApi() {
        return new OpenAPI().info(new Info().title("OneSeal 一枚印章 API").version("v1")
                .description("行政审批局政务服务平台接口。错误按 RFC 9457 返回 application/problem+json，detail 为中文说明。"
                        + " Errors are RFC 9457 problem+json with a Chinese detail; see docs/api.md.")
                .license(new License().name("Open source")));
    }
}
