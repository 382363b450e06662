package io.vantage.domain;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Bootstraps the domain's slice tests. */
@SpringBootApplication
public class DomainTestApplication {
}
