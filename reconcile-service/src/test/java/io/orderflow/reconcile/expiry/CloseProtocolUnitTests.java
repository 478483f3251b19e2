package io.orderflow.reconcile.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.http.HttpMethod;
import com.wechat.pay.java.core.http.HttpRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.model.TransactionAmount;
import io.orderflow.events.CloseReason;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.TimeoutExpired;
import io.orderflow.platform.wechatpay.WechatPayCall;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.wechatpay.WechatPayRejected;
import io.orderflow.platform.wechatpay.WechatPayUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The close protocol's decisions for each answer WeChat can give, with a scripted gateway. */
class CloseProtocolUnitTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final Timer timer = new Timer("O1", "1900000109", NOW.minusSeconds(5), CloseReason.EXPIRED, 0);
    private final Scripted wechat = new Scripted();
    private final CloseProtocol protocol = new CloseProtocol(wechat, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void notPaidIsClosedAndReportedOnceWechatConfirms() {
        wechat.states.add("NOTPAY");
        CloseProtocol.Outcome outcome = protocol.fire(timer);
        assertThat(outcome.event())
                .isEqualTo(new TimeoutExpired("O1", "1900000109", timer.expireAt(), NOW, CloseReason.EXPIRED));
        assertThat(wechat.calls).containsExactly("query", "close");
    }

    @Test
    void orderClosedAnswerCountsAsConfirmation() {
        wechat.states.add("NOTPAY");
        wechat.closes.add(closeAnswer(400, "ORDER_CLOSED"));
        assertThat(protocol.fire(timer).event()).isInstanceOf(TimeoutExpired.class);
    }

    @Test
    void paidWhileClosingIsQueriedAgainAndReportedPaid() {
        wechat.states.add("NOTPAY");
        wechat.closes.add(closeAnswer(400, "ORDERPAID"));
        wechat.states.add("SUCCESS");
        CloseProtocol.Outcome outcome = protocol.fire(timer);
        assertThat(outcome.event()).isInstanceOf(PaymentNotified.class);
        assertThat(wechat.calls).containsExactly("query", "close", "query");
    }

    @Test
    void aFailedCloseIsNeverReportedClosed() {
        wechat.states.add("NOTPAY");
        wechat.closes.add(new WechatPayUnavailable("500", null));
        assertThat(protocol.fire(timer)).isEqualTo(CloseProtocol.Outcome.later("UNAVAILABLE"));
    }

    @Test
    void aPayerStillPayingOrAnUnknownOrderIsLookedAtLater() {
        wechat.states.add("USERPAYING");
        assertThat(protocol.fire(timer)).isEqualTo(CloseProtocol.Outcome.later("USERPAYING"));
        wechat.queryFailure = new WechatPayRejected(404, "ORDER_NOT_EXIST", "none", null);
        assertThat(protocol.fire(timer)).isEqualTo(CloseProtocol.Outcome.later("ORDER_NOT_EXIST"));
    }

    @Test
    void closedAtWechatAlreadyIsReportedWithoutAnotherClose() {
        wechat.states.add("CLOSED");
        assertThat(protocol.fire(timer).event()).isInstanceOf(TimeoutExpired.class);
        assertThat(wechat.calls).containsExactly("query");
    }

    /** What the gateway throws when WeChat answers a close with this status and code. */
    private static RuntimeException closeAnswer(int status, String code) {
        HttpRequest request = new HttpRequest.Builder()
                .httpMethod(HttpMethod.POST)
                .url("https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/O1/close")
                .build();
        return WechatPayCall.CLOSE_ORDER.classify(
                new ServiceException(request, status, "{\"code\":\"" + code + "\",\"message\":\"m\"}"));
    }

    /** Answers queries with the scripted trade states and closes with the scripted failures (204 when none). */
    private static final class Scripted extends WechatPayGateway {
        final Deque<String> states = new ArrayDeque<>();
        final Deque<RuntimeException> closes = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();
        RuntimeException queryFailure;

        Scripted() {
            super(null, null);
        }

        @Override
        public Transaction queryOrder(String mchid, String outTradeNo) {
            calls.add("query");
            if (queryFailure != null) {
                throw queryFailure;
            }
            Transaction transaction = new Transaction();
            transaction.setOutTradeNo(outTradeNo);
            transaction.setMchid(mchid);
            transaction.setAppid("wx0000000000000001");
            transaction.setTradeState(Transaction.TradeStateEnum.valueOf(states.poll()));
            transaction.setTransactionId("4200000001");
            transaction.setSuccessTime("2026-01-01T08:00:00+08:00");
            TransactionAmount amount = new TransactionAmount();
            amount.setTotal(100);
            amount.setPayerTotal(100);
            amount.setCurrency("CNY");
            transaction.setAmount(amount);
            return transaction;
        }

        @Override
        public void closeOrder(String mchid, String outTradeNo) {
            calls.add("close");
            if (!closes.isEmpty()) {
                throw closes.poll();
            }
        }
    }
}
