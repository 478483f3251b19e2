/** The administrator's risk endpoints under {@code /admin/v1}: shop limits and payer blocklists. */
package io.orderflow.order.risk.web;
