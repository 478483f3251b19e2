/**
 * HTTP pieces every service shares: the bearer token in front of operator and admin paths
 * ({@code orderflow.admin.token}, closed when unset; ADR 0015).
 */
package io.orderflow.platform.web;
