package io.orderflow.systemtest;

import io.orderflow.process.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measured window: at its start and end, the CPU time of every process (also at its middle, for
 * the steady-state check, see {@link LoadSteadiness}), the benchmark JVM's
 * thread CPU by group, the calls the services made to WeChat Pay (their
 * {@code orderflow.wechatpay.calls} meter) and the machine's load average.
 */
final class LoadWindow {

    private static final Pattern CALLS =
            Pattern.compile("^orderflow_wechatpay_calls_seconds_count\\{(.*)} ([0-9.eE+-]+)$", Pattern.MULTILINE);
    private static final Pattern ENDPOINT = Pattern.compile("endpoint=\"([^\"]*)\"");

    private final LoadCpu processes;
    private final LoadThreadCpu threads;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Map<String, ServiceProcess> callers;
    private final List<String> problems = new ArrayList<>();

    long startMicros;
    long middleMicros;
    long endMicros;
    String loadAtStart;
    String loadAtEnd;
    private long[] ticksAtStart;
    private long[] ticksAtMiddle;
    private long[] ticksAtEnd;
    private Map<String, Double> cpuAtStart;
    private Map<String, Double> cpuAtMiddle;
    private Map<String, Double> cpuAtEnd;
    private Map<String, Double> jitAtStart;
    private Map<String, Double> jitAtMiddle;
    private Map<String, Double> jitAtEnd;
    private Map<String, Double> threadSeconds;
    private Map<String, Double> busiestThreads;
    private Map<String, Double> switchesAtStart;
    private Map<String, Double> switchesAtEnd;
    private Map<String, Double> callsAtStart;
    private Map<String, Double> callsAtEnd;

    /** {@code callers}: the services whose calls to WeChat Pay are counted. */
    LoadWindow(LoadCpu processes, LoadThreadCpu threads, Map<String, ServiceProcess> callers) {
        this.processes = processes;
        this.threads = threads;
        this.callers = new LinkedHashMap<>(callers);
    }

    void begin() {
        callsAtStart = calls();
        loadAtStart = LoadCpu.loadAverage();
        ticksAtStart = LoadCpu.machineTicks();
        threads.begin();
        cpuAtStart = processes.snapshot();
        jitAtStart = processes.jitSnapshot();
        switchesAtStart = processes.switchesSnapshot();
        startMicros = LoadTimeline.now();
    }

    /** The CPU time of every process half-way, so that the window's two halves can be compared. */
    void middle() {
        middleMicros = LoadTimeline.now();
        ticksAtMiddle = LoadCpu.machineTicks();
        cpuAtMiddle = processes.snapshot();
        jitAtMiddle = processes.jitSnapshot();
    }

    void end() {
        endMicros = LoadTimeline.now();
        cpuAtEnd = processes.snapshot();
        jitAtEnd = processes.jitSnapshot();
        switchesAtEnd = processes.switchesSnapshot();
        threads.sample();
        threadSeconds = threads.secondsByGroup();
        busiestThreads = threads.busiest(10);
        loadAtEnd = LoadCpu.loadAverage();
        ticksAtEnd = LoadCpu.machineTicks();
        callsAtEnd = calls();
    }

    /** CPU stolen by the hypervisor in the window, its first half and its second half: a busy neighbour shows here. */
    String stolen() {
        return LoadCpu.stolen(ticksAtStart, ticksAtEnd) + " (halves " + LoadCpu.stolen(ticksAtStart, ticksAtMiddle)
                + ", " + LoadCpu.stolen(ticksAtMiddle, ticksAtEnd) + ")";
    }

    double seconds() {
        return (endMicros - startMicros) / 1e6;
    }

    /** CPU seconds each process used in the window. */
    Map<String, Double> cpuSeconds() {
        return delta(cpuAtStart, cpuAtEnd);
    }

    /** CPU seconds each process used in the window's first half (start to the middle sample). */
    Map<String, Double> cpuSecondsFirstHalf() {
        return delta(cpuAtStart, cpuAtMiddle);
    }

    /** CPU seconds each process used in the window's second half (the middle sample to the end). */
    Map<String, Double> cpuSecondsSecondHalf() {
        return delta(cpuAtMiddle, cpuAtEnd);
    }

    /** Context switches of each process's threads in the window ({@link LoadCpu#switchesSnapshot()}). */
    Map<String, Double> switches() {
        return delta(switchesAtStart, switchesAtEnd);
    }

    /** CPU seconds each JVM's JIT compiler threads used in the window (part of {@link #cpuSeconds()}). */
    Map<String, Double> jitSeconds() {
        return delta(jitAtStart, jitAtEnd);
    }

    Map<String, Double> jitSecondsFirstHalf() {
        return delta(jitAtStart, jitAtMiddle);
    }

    Map<String, Double> jitSecondsSecondHalf() {
        return delta(jitAtMiddle, jitAtEnd);
    }

    /** CPU seconds of the benchmark JVM's Java threads in the window, by group. */
    Map<String, Double> threadSeconds() {
        return threadSeconds;
    }

    /** The benchmark JVM's busiest threads in the window, by name, in CPU seconds. */
    Map<String, Double> busiestThreads() {
        return busiestThreads;
    }

    /** Calls to WeChat Pay in the window, by service and endpoint. */
    Map<String, Double> wechatPayCalls() {
        return delta(callsAtStart, callsAtEnd);
    }

    /** Scrapes of the services' meters that failed, if any (else the call counts would silently read low). */
    List<String> problems() {
        return problems;
    }

    private Map<String, Double> calls() {
        Map<String, Double> calls = new TreeMap<>();
        for (Map.Entry<String, ServiceProcess> caller : callers.entrySet()) {
            String scrape = scrape(caller.getKey(), caller.getValue());
            // no meter yet is no problem: it appears with a service's first call to WeChat Pay
            Matcher line = CALLS.matcher(scrape);
            while (line.find()) {
                Matcher endpoint = ENDPOINT.matcher(line.group(1));
                String key = caller.getKey() + " " + (endpoint.find() ? endpoint.group(1) : "?");
                calls.merge(key, Double.parseDouble(line.group(2)), Double::sum);
            }
        }
        return calls;
    }

    /** The service's Prometheus scrape, tried three times with a generous timeout (the machine may be busy). */
    private String scrape(String name, ServiceProcess service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.managementUrl() + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(15))
                .build();
        String failure = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                failure = "HTTP " + response.statusCode();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e.toString();
                break;
            }
        }
        problems.add(name + ": /actuator/prometheus failed: " + failure);
        return "";
    }

    private static Map<String, Double> delta(Map<String, Double> start, Map<String, Double> end) {
        Map<String, Double> delta = new LinkedHashMap<>();
        end.forEach((key, value) -> delta.put(key, value - start.getOrDefault(key, 0.0)));
        return delta;
    }
}
