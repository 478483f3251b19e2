package io.orderflow.order.order.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The 404 of an operation on one order by its id, documented once for every such operation. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ErrorResponse(code = "404", description = "no such order for this shop (ORDER_NOT_FOUND)")
@interface OrderNotFound {}
