package io.orderflow.simulator.api;

import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.simulator.ledger.ApiError;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What each API fault does around the endpoint call. */
final class ApiFaults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiFaults() {}

    /** Before the endpoint runs: throws an error answer, waits, or returns false to drop the connection. */
    static boolean before(FaultRule fault) {
        switch (fault.kind()) {
            case SYSTEM_ERROR -> throw new ApiError(500, "SYSTEM_ERROR", "系统错误");
            case FREQUENCY_LIMITED -> throw new ApiError(429, "FREQUENCY_LIMITED", "频率超限");
            case STATEMENT_CREATING -> throw new ApiError(400, "STATEMENT_CREATING", "账单生成中");
            case LATENCY -> holdConnection(fault.amount());
            case CONNECTION_RESET -> {
                return false;
            }
            default -> {}
        }
        return true;
    }

    /** The answer as the fault leaves it: MISSING_FIELD drops its field from a JSON object; others keep it. */
    static byte[] answer(FaultRule fault, byte[] body) {
        if (fault.kind() != FaultKind.MISSING_FIELD
                || body.length == 0
                || !(JSON.readTree(body) instanceof ObjectNode object)
                || object.remove(fault.field()) == null) {
            return body;
        }
        return JSON.writeValueAsBytes(object);
    }

    /** After the endpoint ran: false for "done but the response was lost". */
    static boolean after(FaultRule fault) {
        return switch (fault.kind()) {
            case RESPONSE_LOST -> false;
            default -> true;
        };
    }

    /**
     * A slow WeChat keeps the client's connection open, so the request thread itself waits here;
     * this is the fault being simulated, not a stand-in for scheduling.
     */
    private static void holdConnection(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
