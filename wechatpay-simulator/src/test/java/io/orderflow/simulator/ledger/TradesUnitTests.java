package io.orderflow.simulator.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.support.LedgerFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Validity windows, checked on a clock the test moves. */
class TradesUnitTests {

    private final MovableTime time = new MovableTime();

    @RegisterExtension
    final LedgerFixture fixture = LedgerFixture.on(time);

    @Test
    void refusesPaymentAfterTimeExpireButNotBeforeTheOneMinuteFloor() {
        Order order = fixture.trades().prepay("1", body("T000001", "2000-01-01T00:00:00+08:00"));
        time.advance(Duration.ofSeconds(59));
        Order other = fixture.trades().prepay("1", body("T000002", "2000-01-01T00:00:00+08:00"));
        time.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> fixture.trades().pay(order, true)).isInstanceOf(ApiError.class);
        assertThat(fixture.trades().pay(other, true).state()).isEqualTo(TradeState.SUCCESS);
        assertThat(order.state()).isEqualTo(TradeState.NOTPAY);
    }

    @Test
    void unpaidOrderWithoutTimeExpireIsPayableForSevenDays() {
        Order order = fixture.trades().prepay("1", body("T000003", null));
        time.advance(Duration.ofDays(7).plusSeconds(1));
        assertThatThrownBy(() -> fixture.trades().pay(order, true)).isInstanceOf(ApiError.class);
    }

    @Test
    void reentrantPrepayAfterTwoHoursIssuesAFreshPrepayId() {
        Order order = fixture.trades().prepay("1", body("T000004", null));
        String first = order.prepayId();
        time.advance(Duration.ofMinutes(119));
        assertThat(fixture.trades().prepay("1", body("T000004", null)).prepayId())
                .isEqualTo(first);
        time.advance(Duration.ofMinutes(2));
        String renewed = fixture.trades().prepay("1", body("T000004", null)).prepayId();
        assertThat(renewed).isNotEqualTo(first);
        assertThat(fixture.ledger().orderByPrepayId(renewed)).contains(order);
    }

    private static Map<String, Object> body(String outTradeNo, String timeExpire) {
        Map<String, Object> body = LedgerFixture.prepayBody("1", outTradeNo, 1);
        if (timeExpire != null) {
            body.put("time_expire", timeExpire);
        }
        return body;
    }

    private static final class MovableTime extends SimulatedTime {

        private Instant now = Instant.now();

        MovableTime() {
            super(1.0);
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant now() {
            return now;
        }
    }
}
