package io.orderflow.simulator.api;

import static io.orderflow.simulator.support.SdkAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.payments.jsapi.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByIdRequest;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import org.junit.jupiter.api.Test;

/** JSAPI prepay, query and close through the official SDK with response verification on. */
class OrderApiTests {

    private static final String NOTIFY = "https://merchant.example/notify";

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forTestMerchant(simulator);

    private final Control control = new Control(simulator);

    @Test
    void prepayReturnsSignedPaymentParametersAndIsReentrant() {
        var request = Orders.prepay(NOTIFY, 100);
        var first = sdk.jsapi().prepayWithRequestPayment(request);
        var again = sdk.jsapi().prepayWithRequestPayment(request);
        assertThat(first.getPackageVal()).matches("prepay_id=wx\\d{14}\\w{20}");
        assertThat(again.getPackageVal()).isEqualTo(first.getPackageVal());
        assertThat(query(request.getOutTradeNo()).getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);
    }

    @Test
    void rejectsReentrantPrepayWithDifferentParameters() {
        var request = Orders.prepay(NOTIFY, 100);
        sdk.jsapi().prepayWithRequestPayment(request);
        request.getAmount().setTotal(200);
        assertThatThrownBy(() -> sdk.jsapi().prepayWithRequestPayment(request))
                .isInstanceOfSatisfying(ServiceException.class, ex -> {
                    assertThat(ex.getHttpStatusCode()).isEqualTo(400);
                    assertThat(ex.getErrorCode()).isEqualTo("INVALID_REQUEST");
                });
    }

    @Test
    void paidOrderIsQueryableByBothIdsAndCannotBeClosedOrPrepaidAgain() {
        var request = Orders.prepay(NOTIFY, 100);
        String prepayId =
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10);
        control.pay(prepayId);
        Transaction paid = query(request.getOutTradeNo());
        assertThat(paid.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
        assertThat(paid.getTransactionId()).hasSize(28);
        assertThat(paid.getSuccessTime()).endsWith("+08:00");
        assertThat(paid.getAmount().getPayerTotal()).isEqualTo(100);
        var byId = new QueryOrderByIdRequest();
        byId.setMchid(SharedSimulator.MCHID);
        byId.setTransactionId(paid.getTransactionId());
        assertThat(sdk.jsapi().queryOrderById(byId).getOutTradeNo()).isEqualTo(request.getOutTradeNo());
        assertError(() -> close(request.getOutTradeNo()), 400, "ORDERPAID");
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(request), 400, "ORDERPAID");
    }

    @Test
    void closedOrderStaysClosedAndRejectsPrepay() {
        var request = Orders.prepay(NOTIFY, 100);
        sdk.jsapi().prepayWithRequestPayment(request);
        close(request.getOutTradeNo());
        close(request.getOutTradeNo());
        assertThat(query(request.getOutTradeNo()).getTradeState()).isEqualTo(Transaction.TradeStateEnum.CLOSED);
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(request), 400, "ORDER_CLOSED");
    }

    @Test
    void unknownOrdersAreNotFound() {
        assertError(() -> query("NO_SUCH_ORDER"), 404, "ORDER_NOT_EXIST");
        assertError(() -> close("NO_SUCH_ORDER"), 404, "ORDER_NOT_EXIST");
    }

    @Test
    void checksRequiredFieldsAndAppidBinding() {
        var noOpenid = Orders.prepay(NOTIFY, 100);
        noOpenid.setPayer(null);
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(noOpenid), 400, "PARAM_ERROR");
        var zero = Orders.prepay(NOTIFY, 0);
        assertThatThrownBy(() -> sdk.jsapi().prepayWithRequestPayment(zero))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        ex -> assertThat(ex.getResponseBody()).contains("\"field\":\"/amount/total\""));
        var badNumber = Orders.prepay(NOTIFY, 100);
        badNumber.setOutTradeNo("bad no!");
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(badNumber), 400, "PARAM_ERROR");
        var queryInNotifyUrl = Orders.prepay(NOTIFY + "?order=1", 100);
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(queryInNotifyUrl), 400, "PARAM_ERROR");
        var otherApp = Orders.prepay(SharedSimulator.MCHID, SharedSimulator.FAULT_APPID, NOTIFY, 100);
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(otherApp), 400, "APPID_MCHID_NOT_MATCH");
        var otherMchid = Orders.prepay(SharedSimulator.FAULT_MCHID, SharedSimulator.APPID, NOTIFY, 100);
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(otherMchid), 400, "INVALID_REQUEST");
    }

    private Transaction query(String outTradeNo) {
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(SharedSimulator.MCHID);
        request.setOutTradeNo(outTradeNo);
        return sdk.jsapi().queryOrderByOutTradeNo(request);
    }

    private void close(String outTradeNo) {
        var request = new CloseOrderRequest();
        request.setMchid(SharedSimulator.MCHID);
        request.setOutTradeNo(outTradeNo);
        sdk.jsapi().closeOrder(request);
    }
}
