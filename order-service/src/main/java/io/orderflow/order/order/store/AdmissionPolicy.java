package io.orderflow.order.order.store;

import java.util.Optional;

/**
 * The port through which the order repository learns which risk limits a new order's insert must pass
 * ({@link Orders#insertIfAdmitted}); the risk controls implement it.
 */
public interface AdmissionPolicy {

    /** The limits of a new order, read inside the create transaction; empty when the risk controls are off. */
    Optional<Admission> admission();
}
