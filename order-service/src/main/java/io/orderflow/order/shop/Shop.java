package io.orderflow.order.shop;

import java.time.Instant;

/**
 * A shop allowed to use the API, without its secret.
 *
 * @param shopId the shop's id, named in every signed request
 * @param name a human name
 * @param mchid the WeChat Pay merchant its orders are paid into
 * @param appid the WeChat app its payers' openids belong to
 * @param enabled whether it may call the API
 * @param createdAt when it was registered
 */
public record Shop(String shopId, String name, String mchid, String appid, boolean enabled, Instant createdAt) {}
