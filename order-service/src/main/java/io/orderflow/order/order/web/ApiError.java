package io.orderflow.order.order.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every error of the API.
 *
 * @param code stable, machine-readable
 * @param message for humans; names the offending field
 */
@Schema(name = "Error")
record ApiError(String code, String message) {}
