package io.orderflow.events;

/**
 * A fact published by an orderflow service. Its {@link #subject()} is the Kafka record key and the
 * CloudEvents {@code ce_subject}, so all events about one order stay in order within a topic.
 */
public sealed interface OrderflowEvent
        permits OrderServiceEvent, PaymentServiceEvent, NotifyServiceEvent, ReconcileServiceEvent {

    /** The Kafka key and {@code ce_subject}: the order id, or a reconciliation subject for run-level events. */
    String subject();

    /** Returns the subject of a reconciliation run's events: {@code reconciliation:<mchid>:<billDate>}. */
    static String reconciliationSubject(String mchid, java.time.LocalDate billDate) {
        return "reconciliation:" + mchid + ":" + billDate;
    }
}
