package io.orderflow.notify.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failed verifications of one source: the threshold at its edge, windows rolling over, one alert per incident. */
class FailureBurstUnitTests {

    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private FailureBurst state;

    @Test
    void opensAnIncidentAtTheThresholdWithinTheWindowAndNotBefore() {
        assertThat(fail(T0)).isFalse();
        assertThat(fail(T0.plusSeconds(30))).as("one below the threshold").isFalse();
        assertThat(fail(T0.plus(WINDOW).minusMillis(1)))
                .as("the third, inside the window")
                .isTrue();
        assertThat(state.incidentId())
                .isEqualTo("src:" + T0.plus(WINDOW).minusMillis(1).toEpochMilli());
        assertThat(state.failures()).isEqualTo(3);
    }

    @Test
    void aWindowThatEndsBeforeTheThresholdStartsCountingAgain() {
        fail(T0);
        fail(T0.plusSeconds(59));
        assertThat(fail(T0.plus(WINDOW)))
                .as("the third falls at the window's end: a new window")
                .isFalse();
        assertThat(state.failures()).isEqualTo(1);
        assertThat(state.windowStart()).isEqualTo(T0.plus(WINDOW));
        assertThat(fail(T0.plusSeconds(61))).isFalse();
        assertThat(fail(T0.plusSeconds(62))).isTrue();
    }

    @Test
    void furtherFailuresBelongToTheOpenIncidentUntilAWholeWindowIsQuiet() {
        fail(T0);
        fail(T0.plusSeconds(1));
        assertThat(fail(T0.plusSeconds(2))).isTrue();
        String incident = state.incidentId();
        for (int i = 3; i < 300; i += 50) {
            assertThat(fail(T0.plusSeconds(i)))
                    .as("still the same incident at %s s", i)
                    .isFalse();
        }
        assertThat(state.incidentId()).isEqualTo(incident);
        Instant last = state.lastFailureAt();

        assertThat(fail(last.plus(WINDOW)))
                .as("exactly one window after the last: still open")
                .isFalse();
        last = state.lastFailureAt();
        assertThat(fail(last.plus(WINDOW).plusMillis(1)))
                .as("quiet for longer than a window: closed")
                .isFalse();
        assertThat(state.incidentId()).isNull();
        assertThat(state.failures()).isEqualTo(1);
        Instant restart = state.lastFailureAt();
        fail(restart.plusSeconds(1));
        assertThat(fail(restart.plusSeconds(2))).as("a new incident").isTrue();
        assertThat(state.incidentId()).isNotEqualTo(incident);
    }

    @Test
    void aTallyOfSeveralFailuresCountsAsManyInTheWindowOfItsFirst() {
        assertThat(fail(new FailureTally(2, T0, T0.plusMillis(900), "BAD_SIGNATURE")))
                .isFalse();
        assertThat(fail(new FailureTally(1, T0.plusSeconds(59), T0.plusSeconds(61), "BAD_SIGNATURE")))
                .as("begun inside the window: all of it counts there")
                .isTrue();
        assertThat(state.failures()).isEqualTo(3);
        assertThat(state.windowStart()).isEqualTo(T0);
        assertThat(state.lastFailureAt()).isEqualTo(T0.plusSeconds(61));
    }

    @Test
    void anOlderTallyFromAnotherReplicaNeverMovesTheLatestFailureBack() {
        fail(new FailureTally(1, T0.plusSeconds(10), T0.plusSeconds(10), "BAD_SIGNATURE"));
        fail(new FailureTally(1, T0.plusSeconds(5), T0.plusSeconds(6), "STALE_TIMESTAMP"));

        assertThat(state.failures()).isEqualTo(2);
        assertThat(state.lastFailureAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void aTallyAddsUpWithAnotherOfTheSameSource() {
        FailureTally tally = FailureTally.one(T0.plusSeconds(3), "BAD_SIGNATURE")
                .plus(FailureTally.one(T0.plusSeconds(1), "STALE_TIMESTAMP"))
                .plus(FailureTally.one(T0.plusSeconds(2), "UNKNOWN_MERCHANT"));

        assertThat(tally).isEqualTo(new FailureTally(3, T0.plusSeconds(1), T0.plusSeconds(3), "BAD_SIGNATURE"));
    }

    private boolean fail(Instant now) {
        return fail(FailureTally.one(now, "BAD_SIGNATURE"));
    }

    private boolean fail(FailureTally tally) {
        FailureBurst.Step step = FailureBurst.next(state, tally, WINDOW, 3, "src");
        state = step.state();
        return step.opensIncident();
    }
}
