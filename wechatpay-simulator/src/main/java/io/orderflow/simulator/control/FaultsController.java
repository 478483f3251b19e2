package io.orderflow.simulator.control;

import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.fault.Holds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fault rules, held calls and the auto-payer. */
@RestController
class FaultsController {

    private final Faults faults;

    private final Holds holds;

    private final AutoPayer autoPayer;

    private final long defaultSeed;

    FaultsController(
            Faults faults, Holds holds, AutoPayer autoPayer, io.orderflow.simulator.SimulatorProperties properties) {
        this.faults = faults;
        this.holds = holds;
        this.autoPayer = autoPayer;
        this.defaultSeed = properties.getFaultSeed();
    }

    /**
     * Body: {@code kind}, optional {@code mchid}, {@code path_prefix}, {@code probability}, {@code count},
     * {@code amount}; {@code field} for MISSING_FIELD. Answers the rule in the same field names.
     */
    @PostMapping("/sim/v1/faults")
    FaultRule add(@RequestBody Map<String, Object> body) {
        FaultKind kind = FaultKind.valueOf(Bodies.required(body, "kind"));
        Long count = Bodies.number(body, "count");
        String field = kind == FaultKind.MISSING_FIELD ? Bodies.required(body, "field") : Bodies.text(body, "field");
        return faults.add(
                kind,
                Bodies.text(body, "mchid"),
                Bodies.text(body, "path_prefix"),
                Bodies.fraction(body, "probability"),
                count == null ? null : count.intValue(),
                Bodies.number(body, "amount"),
                field);
    }

    @GetMapping("/sim/v1/faults")
    List<FaultRule> list() {
        return faults.rules();
    }

    /** Clears every rule, lets held calls go and restarts the random sequence (from {@code seed} if given). */
    @DeleteMapping("/sim/v1/faults")
    ResponseEntity<Void> clear(@RequestParam(required = false) Long seed) {
        faults.reset(seed == null ? defaultSeed : seed);
        holds.releaseAll();
        return ResponseEntity.noContent().build();
    }

    /** The paths of the calls HOLD_REQUEST and HOLD_RESPONSE hold now ({@code waiting}) and how many so far. */
    @GetMapping("/sim/v1/holds")
    Map<String, Object> holds() {
        return Map.of("waiting", holds.waiting(), "total", holds.total());
    }

    /** Lets the calls held under {@code path} go, or every held call without it. */
    @DeleteMapping("/sim/v1/holds")
    ResponseEntity<Void> release(@RequestParam(required = false) String path) {
        if (path == null) {
            holds.releaseAll();
        } else {
            holds.release(path);
        }
        return ResponseEntity.noContent().build();
    }

    /** Body: {@code share} (0..1), {@code delay_ms}, optional {@code mchid}. */
    @PutMapping("/sim/v1/auto-payer")
    Map<String, Object> autoPay(@RequestBody Map<String, Object> body) {
        Double share = Bodies.fraction(body, "share");
        Long delay = Bodies.number(body, "delay_ms");
        autoPayer.configure(new AutoPayer.Settings(
                share == null ? 1.0 : share, Duration.ofMillis(delay == null ? 0 : delay), Bodies.text(body, "mchid")));
        return body;
    }

    @DeleteMapping("/sim/v1/auto-payer")
    ResponseEntity<Void> stopAutoPay() {
        autoPayer.configure(null);
        return ResponseEntity.noContent().build();
    }
}
