package io.orderflow.order.order.domain;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A test class that breaks ArchitectureUnitTests' domain rule, so the rule is seen to catch it. */
public class JdbcInTheDomain {

    JdbcClient jdbc;
}
