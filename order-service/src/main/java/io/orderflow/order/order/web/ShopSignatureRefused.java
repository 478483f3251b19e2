package io.orderflow.order.order.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The 401 every signed shop API operation can answer, documented once for all of them. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ErrorResponse(
        code = "401",
        description =
                "signature, timestamp, nonce or shop refused (AUTHORIZATION_INVALID, SHOP_UNKNOWN, TIMESTAMP_OUT_OF_WINDOW, SIGNATURE_INVALID, NONCE_REUSED)")
@interface ShopSignatureRefused {}
