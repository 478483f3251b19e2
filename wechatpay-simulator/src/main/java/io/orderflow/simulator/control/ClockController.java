package io.orderflow.simulator.control;

import io.orderflow.simulator.SimulatedTime;
import java.time.Duration;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trade clock: payments and refunds stamped on another day (or a second before midnight), so a
 * client can reconcile bills of past days and cross-day trades without waiting for them.
 */
@RestController
class ClockController {

    private final SimulatedTime time;

    ClockController(SimulatedTime time) {
        this.time = time;
    }

    /** Body: {@code trade_offset_ms}, added to now for later payments and refunds (0 resets). */
    @PutMapping("/sim/v1/clock")
    Map<String, Object> shift(@RequestBody Map<String, Object> body) {
        Long offset = Bodies.number(body, "trade_offset_ms");
        time.shiftTrades(Duration.ofMillis(offset == null ? 0 : offset));
        return clock();
    }

    @GetMapping("/sim/v1/clock")
    Map<String, Object> clock() {
        return Map.of(
                "trade_offset_ms",
                time.tradeOffset().toMillis(),
                "trade_now",
                time.tradeNow().toString());
    }
}
