/**
 * The cryptography WeChat Pay v3 uses, on JDK primitives only: SHA256withRSA signatures,
 * AES-256-GCM for notification and certificate resources, and PEM key files.
 */
package io.orderflow.simulator.crypto;
