package io.orderflow.order.order.web;

import io.orderflow.events.OrderStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Query parameters of the order list, checked with messages that name them. */
final class ListParameters {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private ListParameters() {}

    /** The lookup key as create accepts it: 1 to 64 characters, no NUL. */
    static String shopOrderNo(String shopOrderNo) {
        if (shopOrderNo.isEmpty() || shopOrderNo.length() > 64 || shopOrderNo.indexOf('\u0000') >= 0) {
            throw InvalidRequestException.field("shop_order_no", "must be 1 to 64 characters, without NUL (U+0000)");
        }
        return shopOrderNo;
    }

    static OrderStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("status", "must be one of " + statuses(", "));
        }
    }

    /** Every status, from the status type itself: "PENDING, SUCCESS, …{@code last}REFUND". */
    static String statuses(String last) {
        List<String> names = Arrays.stream(OrderStatus.values()).map(Enum::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + last + names.get(names.size() - 1);
    }

    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.field(name, "must be an ISO-8601 instant like 2026-11-30T10:15:30Z");
        }
    }

    static int pageSize(Integer pageSize) {
        if (pageSize == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw InvalidRequestException.field("page_size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return pageSize;
    }
}
