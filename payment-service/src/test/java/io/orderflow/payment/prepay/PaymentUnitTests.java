package io.orderflow.payment.prepay;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.OrderCreated;
import io.orderflow.testkit.OrderCreatedBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentUnitTests {

    private final OrderCreated order = OrderCreatedBuilder.orderCreated("OF2026120100000001")
            .withShopOrderNo("SO-1")
            .withDescription("coffee")
            .withFen(8800)
            .withPayerOpenid("openid-1")
            .withCreatedAt(Instant.parse("2026-12-01T01:00:00Z"))
            .withExpireAt(Instant.parse("2026-12-01T01:30:15.789Z"))
            .build();

    @Test
    void sendsTheOrdersExpiryAsRfc3339InChinaStandardTime() {
        Payment payment =
                Payment.requested(order, "https://notify.example/wechatpay/notify/1234567891/transaction", null);

        assertThat(payment.timeExpire()).isEqualTo("2026-12-01T09:30:15+08:00");
        assertThat(payment.prepayRequest().getTimeExpire()).isEqualTo("2026-12-01T09:30:15+08:00");
    }

    @Test
    void buildsTheSameRequestOnEveryAttempt() {
        Payment payment =
                Payment.requested(order, "https://notify.example/wechatpay/notify/1234567891/transaction", null);

        assertThat(payment.prepayRequest().toString())
                .isEqualTo(payment.prepayRequest().toString());
        assertThat(payment.prepayRequest().getOutTradeNo()).isEqualTo("OF2026120100000001");
        assertThat(payment.prepayRequest().getAmount().getTotal()).isEqualTo(8800);
        assertThat(payment.prepayRequest().getAmount().getCurrency()).isEqualTo("CNY");
        assertThat(payment.prepayRequest().getPayer().getOpenid()).isEqualTo("openid-1");
        assertThat(payment.prepayRequest().getAttach()).isNull();
        assertThat(payment.prepayRequest().getNotifyUrl())
                .isEqualTo("https://notify.example/wechatpay/notify/1234567891/transaction");
    }

    @Test
    void isPayableOnlyBeforeTheOrderExpires() {
        Payment payment = Payment.requested(order, "https://n.example/x", null);

        assertThat(payment.payableAt(Instant.parse("2026-12-01T01:30:15Z"))).isTrue();
        assertThat(payment.payableAt(Instant.parse("2026-12-01T01:30:15.789Z"))).isFalse();
    }
}
