/**
 * The order aggregate with its refunds, and the transition table that drives every change of its status and
 * every effect of one; plain Java, no Spring and no database (ArchitectureUnitTests).
 */
package io.orderflow.order.order.domain;
