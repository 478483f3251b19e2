/**
 * Key material: the WeChat Pay signing keys (public-key ids and platform certificates, several
 * at once for rotation) and the configured merchants, loaded from PEM files or generated.
 */
package io.orderflow.simulator.keys;
