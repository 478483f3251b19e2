/**
 * Starts and stops the local stack: PostgreSQL, the Kafka broker, the WeChat Pay simulator, the four services
 * as OS processes from their jars, and the demo shop; measures how long that took and how much memory it uses.
 */
package io.orderflow.local.stack;
