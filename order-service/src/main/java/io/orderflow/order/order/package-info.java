/**
 * The order feature, one kind of class per subpackage: {@code domain} (the aggregate and its transition table),
 * {@code store} (its repository and the queries and ports it owns), {@code usecase} (shop requests and events of
 * the other services), {@code metrics}, and the adapters {@code web} and {@code messaging}.
 */
package io.orderflow.order.order;
