package io.orderflow.simulator.api;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The /v3 calls answered, newest last: who called what and what WeChat answered, error code included, so a
 * test can count how often an outcome it provoked really occurred (a close answered ORDERPAID, a held
 * refund). Only the latest {@link #CAPACITY} calls are kept, so a long benchmark cannot exhaust memory.
 */
public class ApiJournal {

    static final int CAPACITY = 100_000;

    /**
     * One answered call.
     *
     * @param mchid the authenticated merchant, null when authentication failed
     * @param status the HTTP status; 0 when the connection was dropped without an answer
     * @param code WeChat's error code for 4xx and 5xx answers, else null
     * @param fault the API fault applied to the call, or null
     */
    public record Call(Instant at, String mchid, String method, String path, int status, String code, String fault) {}

    private final Deque<Call> calls = new ArrayDeque<>();

    synchronized void record(Call call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }
}
