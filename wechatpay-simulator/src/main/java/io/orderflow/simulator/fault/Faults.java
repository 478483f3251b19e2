package io.orderflow.simulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The active fault rules. Every decision draws from one seeded {@link Random} under a lock, so the
 * same seed and the same sequence of requests and callbacks reproduce the same faults.
 */
public class Faults {

    private final List<FaultRule> rules = new ArrayList<>();

    private Random random;

    private int nextId = 1;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    public FaultRule add(
            FaultKind kind, String mchid, String pathPrefix, Double probability, Integer count, Long amount) {
        return add(kind, mchid, pathPrefix, probability, count, amount, null);
    }

    /** A rule with every parameter; {@code field} names the field MISSING_FIELD leaves out. */
    public synchronized FaultRule add(
            FaultKind kind,
            String mchid,
            String pathPrefix,
            Double probability,
            Integer count,
            Long amount,
            String field) {
        var rule = new FaultRule(
                "F" + nextId++,
                kind,
                mchid,
                pathPrefix,
                probability == null ? 1.0 : probability,
                count == null ? -1 : count,
                amount == null ? 0 : amount,
                field);
        rules.add(rule);
        return rule;
    }

    /** Removes all rules and restarts the random sequence from {@code seed}. */
    public synchronized void reset(long seed) {
        rules.clear();
        random = new Random(seed);
    }

    public synchronized List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** The first API fault that fires for this call, consuming one use of its rule. */
    public synchronized Optional<FaultRule> apiFault(String mchid, String path) {
        return fire(mchid, path, true).stream().findFirst();
    }

    /** Every callback fault that fires for one notification; several may combine. */
    public synchronized List<FaultRule> callbackFaults(String mchid) {
        return fire(mchid, null, false);
    }

    /** A seeded draw for callers that need randomness tied to the fault seed (the auto-payer). */
    public synchronized double draw() {
        return random.nextDouble();
    }

    private List<FaultRule> fire(String mchid, String path, boolean api) {
        List<FaultRule> fired = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (rule.kind().affectsApi() != api || rule.remaining() == 0 || !rule.appliesTo(mchid, path)) {
                continue;
            }
            if (random.nextDouble() < rule.probability()) {
                rules.set(i, rule.used());
                fired.add(rule);
            }
        }
        return fired;
    }
}
