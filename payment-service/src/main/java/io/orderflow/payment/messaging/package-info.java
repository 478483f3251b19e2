/** The Kafka adapter: order events in, handed to the prepay and refund use cases. */
package io.orderflow.payment.messaging;
