package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadOpenLoopUnitTests {

    private static final LoadSettings AT_40_PER_SECOND = new LoadSettings(16, 10, 30, 60, 60, 2, 40, 256, 80, null);

    @Test
    void countsTheCreatesDueInTheWindowAndThoseSentLateOrNever() {
        List<LoadTimeline.Issue> issues = List.of(
                new LoadTimeline.Issue(999_000, 999_100), // due before the window
                new LoadTimeline.Issue(1_000_000, 1_000_200),
                new LoadTimeline.Issue(1_025_000, 1_035_000), // exactly 10 ms: on time
                new LoadTimeline.Issue(1_050_000, 1_060_001), // late
                new LoadTimeline.Issue(1_075_000, 1_475_000), // late, 400 ms
                new LoadTimeline.Issue(1_100_000, 0), // never sent
                new LoadTimeline.Issue(2_000_000, 2_000_100)); // due after the window

        LoadOpenLoop open = LoadOpenLoop.of(AT_40_PER_SECOND, issues, 1_000_000, 2_000_000);

        assertThat(open.due()).isEqualTo(5);
        assertThat(open.late()).isEqualTo(2);
        assertThat(open.neverSent()).isEqualTo(1);
        assertThat(open.duePerSecond()).isEqualTo(5.0);
        assertThat(open.lagMaxMs()).isBetween(399.0, 401.0);
        assertThat(open.shareOfSustained()).isEqualTo(0.5);
    }

    @Test
    void meetsTheTargetOnlyWhenBothP99sAreUnder150MsForEveryDueCreate() {
        LoadOpenLoop open = LoadOpenLoop.of(AT_40_PER_SECOND, due(100), 0, 10_000_000);

        assertThat(open.targetMet(stage(100, 149.9), stage(100, 120))).isTrue();
        assertThat(open.targetMet(stage(100, 150), stage(100, 120))).isFalse();
        assertThat(open.targetMet(stage(100, 80), stage(100, 151))).isFalse();
    }

    @Test
    void missesTheTargetWhenSomeDueCreatesAreLeftOutOfThePercentiles() {
        LoadOpenLoop open = LoadOpenLoop.of(AT_40_PER_SECOND, due(100), 0, 10_000_000);

        // refused, answered without pay params, or never sent: fast p99s of the rest do not count
        assertThat(open.targetMet(stage(97, 40), stage(97, 40))).isFalse();
        // paid but SUCCESS never read
        assertThat(open.targetMet(stage(100, 40), stage(99, 40))).isFalse();
    }

    @Test
    void missesTheTargetWithNothingDue() {
        LoadOpenLoop open = LoadOpenLoop.of(AT_40_PER_SECOND, List.of(), 0, 10_000_000);

        assertThat(open.targetMet(stage(0, 0), stage(0, 0))).isFalse();
    }

    private static List<LoadTimeline.Issue> due(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new LoadTimeline.Issue(i * 25_000L, i * 25_000L + 100))
                .toList();
    }

    private static LoadReport.Stage stage(long count, double p99) {
        return new LoadReport.Stage("stage", count, p99 / 2, p99 * 0.9, p99, p99 * 1.2);
    }
}
