package io.orderflow.notify.callback;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The {@code inbound_callback} table: the raw callbacks by WeChat's notification id. */
class InboundCallbacks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    InboundCallbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the callback; false when its notification id is already here. */
    boolean add(RawCallback callback, Envelope envelope, String orderId, String outRefundNo) {
        return jdbc.sql("""
                insert into inbound_callback (notification_id, mchid, kind, event_type, order_id, out_refund_no, headers, body)
                values (:id, :mchid, :kind, :eventType, :orderId, :outRefundNo, cast(:headers as jsonb), :body)
                on conflict (notification_id) do nothing""")
                        .param("id", envelope.id())
                        .param("mchid", callback.mchid())
                        .param("kind", callback.kind().name())
                        .param("eventType", envelope.eventType())
                        .param("orderId", orderId)
                        .param("outRefundNo", outRefundNo)
                        .param("headers", JSON.writeValueAsString(Map.copyOf(callback.headers())))
                        .param("body", callback.body())
                        .update()
                == 1;
    }
}
