package io.orderflow.order.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.AnomalyKind;
import io.orderflow.events.Money;
import io.orderflow.events.TradeState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How a PaymentNotified is classified against its order, without Spring or a broker. */
class PaymentCheckUnitTests {

    private final OrderTerms order = AnOrder.terms();

    @Test
    void matchingSuccessIsPaid() {
        PaymentCheck check =
                PaymentCheck.of(order, AnOrder.payment(TradeState.SUCCESS).build());

        assertThat(check.trigger()).isEqualTo(Trigger.PAID);
        assertThat(check.anomaly()).isNull();
        assertThat(check.reportedFen()).isEqualTo(AnOrder.TOTAL_FEN);
    }

    @Test
    void matchingRefundIsReportedRefunded() {
        assertThat(PaymentCheck.of(order, AnOrder.payment(TradeState.REFUND).build())
                        .trigger())
                .isEqualTo(Trigger.REFUND_REPORTED);
    }

    @ParameterizedTest
    @EnumSource(
            value = TradeState.class,
            names = {"NOTPAY", "USERPAYING", "PAYERROR"})
    void unsettledStatesAreNotPaid(TradeState state) {
        assertThat(PaymentCheck.of(order, AnOrder.payment(state).build()).trigger())
                .isEqualTo(Trigger.NOT_PAID);
    }

    @ParameterizedTest
    @EnumSource(
            value = TradeState.class,
            names = {"CLOSED", "REVOKED"})
    void closedAndRevokedAreClosedAtWechat(TradeState state) {
        assertThat(PaymentCheck.of(order, AnOrder.payment(state).build()).trigger())
                .isEqualTo(Trigger.CLOSED_AT_WECHAT);
    }

    @ParameterizedTest
    @EnumSource(
            value = TradeState.class,
            names = {"SUCCESS", "REFUND"})
    void otherAmountIsAnAmountMismatch(TradeState state) {
        PaymentCheck check = PaymentCheck.of(
                order, AnOrder.payment(state).amount(Money.cny(1)).build());

        assertThat(check.trigger()).isEqualTo(Trigger.PAID_MISMATCH);
        assertThat(check.anomaly()).isEqualTo(AnomalyKind.AMOUNT_MISMATCH);
        assertThat(check.reportedFen()).isEqualTo(1);
    }

    @Test
    void otherCurrencyIsAnAmountMismatch() {
        PaymentCheck check = PaymentCheck.of(
                order,
                AnOrder.payment(TradeState.SUCCESS)
                        .amount(new Money(AnOrder.TOTAL_FEN, "USD"))
                        .build());

        assertThat(check.anomaly()).isEqualTo(AnomalyKind.AMOUNT_MISMATCH);
    }

    @Test
    void missingAmountIsAnAmountMismatch() {
        PaymentCheck check = PaymentCheck.of(
                order, AnOrder.payment(TradeState.SUCCESS).amount(null).build());

        assertThat(check.trigger()).isEqualTo(Trigger.PAID_MISMATCH);
        assertThat(check.reportedFen()).isNull();
    }

    @Test
    void otherMerchantOrAppIsAMerchantMismatch() {
        assertThat(PaymentCheck.of(
                                order,
                                AnOrder.payment(TradeState.SUCCESS)
                                        .mchid("1900000999")
                                        .build())
                        .anomaly())
                .isEqualTo(AnomalyKind.MERCHANT_MISMATCH);
        assertThat(PaymentCheck.of(
                                order,
                                AnOrder.payment(TradeState.REFUND)
                                        .appid("wx-other")
                                        .build())
                        .anomaly())
                .isEqualTo(AnomalyKind.MERCHANT_MISMATCH);
    }
}
