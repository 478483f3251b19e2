/**
 * Architecture rules (ArchUnit) shared by the services: service independence, a core free
 * of web and messaging, constructor injection and package-private repositories.
 */
package io.orderflow.platform.test.architecture;
