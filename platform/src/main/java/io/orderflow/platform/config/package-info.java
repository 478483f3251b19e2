/** Spring Boot wiring of the platform: beans, default settings and the relay's lifecycle. */
package io.orderflow.platform.config;
