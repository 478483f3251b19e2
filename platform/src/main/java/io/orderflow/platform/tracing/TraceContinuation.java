package io.orderflow.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across work that is stored now and done later on another thread (the outbox, a worker's
 * due rows): {@link #current()} gives the W3C {@code traceparent} to store with the row, {@link #within}
 * runs the later work under a span continuing it, so what that work sends (a Kafka record through an
 * observed producer, an outbox row) stays in the same trace. Without a tracer it does nothing.
 */
public final class TraceContinuation {

    public static final String HEADER = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContinuation(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracing: stores nothing, continues nothing. */
    public static TraceContinuation none() {
        return new TraceContinuation(null, null);
    }

    /** The current trace as a {@code traceparent} value, or null when no trace is active. */
    public String current() {
        if (tracer == null || propagator == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** Runs the work under a span named {@code name} that continues {@code traceParent} (when there is one). */
    public <T> T within(String traceParent, String name, Supplier<T> work) {
        if (tracer == null || propagator == null || traceParent == null) {
            return work.get();
        }
        Span span = propagator
                .extract(Map.of(HEADER, traceParent), Map::get)
                .name(name)
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }

    /**
     * The {@code traceparent} to send with a stored event: for a sampled trace a span of its own ({@code name},
     * a child of the stored context) is recorded and its context sent, so the trace shows the hop; an unsampled or
     * absent context is sent as stored, at no cost.
     */
    public String child(String traceParent, String name) {
        if (tracer == null || propagator == null || traceParent == null || !traceParent.endsWith("-01")) {
            return traceParent;
        }
        Span span = propagator
                .extract(Map.of(HEADER, traceParent), Map::get)
                .name(name)
                .start();
        try {
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(span.context(), carrier, Map::put);
            return carrier.getOrDefault(HEADER, traceParent);
        } finally {
            span.end();
        }
    }

    /** {@link #within} for work without a result. */
    public void within(String traceParent, String name, Runnable work) {
        within(traceParent, name, () -> {
            work.run();
            return null;
        });
    }
}
