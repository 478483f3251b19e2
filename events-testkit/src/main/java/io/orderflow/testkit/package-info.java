/**
 * Test data of the event contract for the services' tests: a builder per event that tests construct (defaults for
 * what a test is not about: the test merchant, shop {@code shop-1}, 1 yuan, now), and {@link io.orderflow.testkit.Broker},
 * which plays the other services on the real broker.
 */
package io.orderflow.testkit;
