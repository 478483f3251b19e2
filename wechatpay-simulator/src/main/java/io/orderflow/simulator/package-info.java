/**
 * An offline WeChat Pay API v3 stand-in. {@link io.orderflow.simulator.WechatPaySimulator} starts it
 * inside a test JVM; {@link io.orderflow.simulator.SimulatorApplication} runs it alone.
 */
package io.orderflow.simulator;
