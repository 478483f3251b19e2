package io.orderflow.simulator.api;

import static io.orderflow.simulator.support.SdkAssertions.assertError;
import static io.orderflow.simulator.support.SdkAssertions.assertVerifiedBill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.core.RSAAutoCertificateConfig;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpMethod;
import com.wechat.pay.java.core.http.HttpRequest;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.payments.jsapi.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByIdRequest;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.ledger.Ids;
import io.orderflow.simulator.support.CallbackJson;
import io.orderflow.simulator.support.CallbackReceiver;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.NotificationParams;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The official SDK, configured as production would be, against every endpoint the simulator serves, in both key
 * modes (WeChat Pay public key, and platform certificates downloaded from {@code /v3/certificates}), with every
 * raw answer recorded below the SDK: the properties of issue 20 hold on each (signed headers in WeChat's case,
 * {@code Request-ID} in WeChat's form, {@code application/json; charset=utf-8}, a close's 204 with
 * {@code Content-Length: 0}, no {@code Connection: close} where the server may keep the connection, callbacks
 * shaped like real ones from a non-JDK agent, and bills that exist from 09:00 the next day and never change).
 */
class SdkConformanceTests {

    enum KeyMode {
        PUBLIC_KEY,
        PLATFORM_CERTIFICATE
    }

    private static final String REQUEST_ID = "08[0-9A-F]{38}-\\d+";

    private static final List<String> SIGNATURE_HEADERS = List.of(
            "Wechatpay-Timestamp",
            "Wechatpay-Nonce",
            "Wechatpay-Signature",
            "Wechatpay-Serial",
            "Wechatpay-Signature-Type");

    /** Raw answers seen below the SDK, newest last, with the local port of the connection each came over. */
    record Answer(String method, String path, int code, Headers headers, int localPort) {}

    private static final List<Answer> ANSWERS = new CopyOnWriteArrayList<>();

    private static final Map<KeyMode, Client> CLIENTS = new EnumMap<>(KeyMode.class);

    private record Client(Sdk sdk, String mchid, String appid, String apiV3Key, String serial, int daysBack) {}

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Control control = new Control(simulator);

    private final CallbackReceiver receiver = new CallbackReceiver();

    @AfterEach
    void stop() {
        receiver.close();
        control.put("/sim/v1/clock", Map.of("trade_offset_ms", 0));
    }

    @ParameterizedTest
    @EnumSource(KeyMode.class)
    void certificatesAreServedSignedInEitherMode(KeyMode mode) {
        Client client = client(mode);
        if (mode == KeyMode.PUBLIC_KEY) {
            client.sdk()
                    .http()
                    .execute(
                            new HttpRequest.Builder()
                                    .httpMethod(HttpMethod.GET)
                                    .url("https://api.mch.weixin.qq.com/v3/certificates?algorithm_type=RSA")
                                    .addHeader("Accept", "application/json")
                                    .build(),
                            Object.class);
        }
        // the SDK downloads certificates naming no serial (Wechatpay-Serial ""), so any of WeChat's keys may sign
        Client anyKey = new Client(client.sdk(), client.mchid(), client.appid(), client.apiV3Key(), null, 0);
        assertJson(last("GET", "/v3/certificates"), 200, anyKey);
    }

    @ParameterizedTest
    @EnumSource(KeyMode.class)
    void prepayQueriesAndCloseAnswerWithWechatsHeaders(KeyMode mode) {
        Client client = client(mode);
        var request = Orders.prepay(client.mchid(), client.appid(), "https://merchant.example/notify", 100);
        client.sdk().jsapi().prepayWithRequestPayment(request);
        assertJson(last("POST", "/v3/pay/transactions/jsapi"), 200, client);

        var query = new QueryOrderByOutTradeNoRequest();
        query.setMchid(client.mchid());
        query.setOutTradeNo(request.getOutTradeNo());
        assertThat(client.sdk().jsapi().queryOrderByOutTradeNo(query).getTradeState())
                .isEqualTo(Transaction.TradeStateEnum.NOTPAY);
        assertJson(last("GET", "/v3/pay/transactions/out-trade-no/"), 200, client);

        var close = new CloseOrderRequest();
        close.setMchid(client.mchid());
        close.setOutTradeNo(request.getOutTradeNo());
        client.sdk().jsapi().closeOrder(close);
        Answer closed = last("POST", "/close");
        assertSigned(closed, 204, client);
        assertThat(closed.headers().values("Content-Length")).containsExactly("0");
        assertThat(closed.headers().get("Content-Type")).isEqualTo("application/json; charset=utf-8");

        query.setOutTradeNo("NOSUCH" + request.getOutTradeNo());
        assertError(() -> client.sdk().jsapi().queryOrderByOutTradeNo(query), 404, "ORDER_NOT_EXIST");
        assertErrorAnswer(last("GET", "/v3/pay/transactions/out-trade-no/"), 404, client);

        control.post("/sim/v1/faults", Map.of("kind", "SYSTEM_ERROR", "mchid", client.mchid(), "count", 1));
        query.setOutTradeNo(request.getOutTradeNo());
        assertError(() -> client.sdk().jsapi().queryOrderByOutTradeNo(query), 500, "SYSTEM_ERROR");
        Answer systemError = last("GET", "/v3/pay/transactions/out-trade-no/");
        assertErrorAnswer(systemError, 500, client);
        client.sdk().jsapi().queryOrderByOutTradeNo(query);
        assertSameConnection(systemError, last("GET", "/v3/pay/transactions/out-trade-no/"));
    }

    @ParameterizedTest
    @EnumSource(KeyMode.class)
    void aPaidOrderItsRefundAndTheirCallbacksHaveTheShapesOfRealOnes(KeyMode mode) {
        Client client = client(mode);
        var request = Orders.prepay(client.mchid(), client.appid(), receiver.url("/notify"), 100);
        control.pay(client.sdk()
                .jsapi()
                .prepayWithRequestPayment(request)
                .getPackageVal()
                .substring(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        var paid = receiver.received().get(0);
        assertThat(paid.header("User-Agent")).isEqualTo("Mozilla/4.0");
        assertThat(paid.header("Wechatpay-Serial")).isEqualTo(client.serial());
        Transaction transaction =
                client.sdk().parser().parse(NotificationParams.of(paid, paid.body()), Transaction.class);
        JsonNode resource = CallbackJson.decrypted(paid, client.apiV3Key());
        assertThat(resource.has("promotion_detail")).isFalse();
        assertThat(resource.has("scene_info")).isFalse();
        assertThat(resource.get("attach").asString()).isEmpty();

        var byId = new QueryOrderByIdRequest();
        byId.setMchid(client.mchid());
        byId.setTransactionId(transaction.getTransactionId());
        assertThat(client.sdk().jsapi().queryOrderById(byId).getTradeState())
                .isEqualTo(Transaction.TradeStateEnum.SUCCESS);
        assertJson(last("GET", "/v3/pay/transactions/id/"), 200, client);

        var refund = Orders.refund(request.getOutTradeNo(), "R" + request.getOutTradeNo(), 40, 100);
        refund.setNotifyUrl(receiver.url("/refund"));
        client.sdk().refunds().create(refund);
        assertJson(last("POST", "/v3/refund/domestic/refunds"), 200, client);
        var refundQuery = new QueryByOutRefundNoRequest();
        refundQuery.setOutRefundNo(refund.getOutRefundNo());
        Refund queried = client.sdk().refunds().queryByOutRefundNo(refundQuery);
        assertThat(queried.getOutRefundNo()).isEqualTo(refund.getOutRefundNo());
        assertJson(last("GET", "/v3/refund/domestic/refunds/"), 200, client);

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 2);
        var refunded = receiver.received().get(1);
        assertThat(refunded.header("User-Agent")).isEqualTo("Mozilla/4.0");
        assertThat(client.sdk()
                        .parser()
                        .parse(NotificationParams.of(refunded, refunded.body()), RefundNotification.class)
                        .getOutRefundNo())
                .isEqualTo(refund.getOutRefundNo());
        assertThat(CallbackJson.names(
                        CallbackJson.decrypted(refunded, client.apiV3Key()).get("amount")))
                .containsExactly("total", "refund", "payer_total", "payer_refund");
    }

    @ParameterizedTest
    @EnumSource(KeyMode.class)
    void aDaysBillExistsFromNineTheNextDayAndIsTheSameFileOnEveryDownload(KeyMode mode) throws IOException {
        Client client = client(mode);
        LocalDate day = LocalDate.now(Ids.CHINA).minusDays(client.daysBack());
        var request = Orders.prepay(client.mchid(), client.appid(), "https://merchant.example/notify", 500);
        String prepayId = client.sdk()
                .jsapi()
                .prepayWithRequestPayment(request)
                .getPackageVal()
                .substring(10);
        tradeClock(day.atTime(10, 0, 0));
        control.pay(prepayId);
        tradeClock(day.atTime(15, 0, 0));
        client.sdk().refunds().create(Orders.refund(request.getOutTradeNo(), "R" + request.getOutTradeNo(), 200, 500));

        tradeClock(day.plusDays(1).atTime(8, 59, 50));
        assertError(() -> client.sdk().bills().getTradeBill(bill(day, BillType.REFUND)), 400, "STATEMENT_CREATING");
        Answer creating = last("GET", "/v3/bill/tradebill");
        assertErrorAnswer(creating, 400, client);
        assertError(
                () -> client.sdk().bills().getTradeBill(bill(day.plusDays(2), BillType.REFUND)), 400, "PARAM_ERROR");
        Answer future = last("GET", "/v3/bill/tradebill");
        assertErrorAnswer(future, 400, client);
        assertSameConnection(creating, future);
        tradeClock(day.plusDays(1).atTime(9, 0, 5));
        String first = download(client, day, BillType.REFUND);
        assertSameConnection(future, last("GET", "/v3/bill/tradebill"));
        Answer download = last("GET", "/v3/billdownload/file");
        assertThat(download.code()).isEqualTo(200);
        assertThat(download.headers().names()).doesNotContainAnyElementsOf(SIGNATURE_HEADERS);
        assertJson(last("GET", "/v3/bill/tradebill"), 200, client);
        assertThat(first)
                .contains("`" + day + " 10:00:")
                .contains("`" + day + " 15:00:")
                .contains("`" + request.getOutTradeNo() + ",");
        assertThat(first.lines()
                        .filter(line -> line.contains(",`REFUND,"))
                        .findFirst()
                        .orElseThrow())
                .as("the refund row is dated by its payment")
                .startsWith("`" + day + " 10:00:");

        control.put("/sim/v1/clock", Map.of("trade_offset_ms", 0));
        assertThat(download(client, day, BillType.REFUND)).as("generated once").isEqualTo(first);
        String today = LocalDate.now(Ids.CHINA).toString();
        assertError(
                () -> client.sdk().bills().getTradeBill(bill(LocalDate.parse(today), BillType.ALL)),
                400,
                "STATEMENT_CREATING");
    }

    private static Client client(KeyMode mode) {
        return CLIENTS.computeIfAbsent(mode, SdkConformanceTests::create);
    }

    private static Client create(KeyMode mode) {
        RunningSimulator simulator = SharedSimulator.get();
        OkHttpClient recording = Sdk.redirecting(simulator)
                .newBuilder()
                .addNetworkInterceptor(chain -> {
                    var response = chain.proceed(chain.request());
                    ANSWERS.add(new Answer(
                            chain.request().method(),
                            chain.request().url().encodedPath(),
                            response.code(),
                            response.headers(),
                            chain.connection().socket().getLocalPort()));
                    return response;
                })
                .build();
        if (mode == KeyMode.PUBLIC_KEY) {
            var config = new RSAPublicKeyConfig.Builder()
                    .merchantId(SharedSimulator.MCHID)
                    .privateKey(Sdk.resource("keys/merchant_private_key.pem"))
                    .merchantSerialNumber(SharedSimulator.MERCHANT_SERIAL)
                    .publicKey(Sdk.resource("keys/wechat_pay_public_key.pem"))
                    .publicKeyId(SharedSimulator.PUBLIC_KEY_ID)
                    .apiV3Key(SharedSimulator.API_V3_KEY)
                    .build();
            return new Client(
                    Sdk.of(config, recording),
                    SharedSimulator.MCHID,
                    SharedSimulator.APPID,
                    SharedSimulator.API_V3_KEY,
                    SharedSimulator.PUBLIC_KEY_ID,
                    56);
        }
        var merchant = simulator.merchant(SharedSimulator.CONFORMANCE_MCHID);
        var config = new RSAAutoCertificateConfig.Builder()
                .merchantId(merchant.mchid())
                .privateKey(merchant.privateKeyPem())
                .merchantSerialNumber(merchant.serialNo())
                .apiV3Key(merchant.apiV3Key())
                .httpClientBuilder(new DefaultHttpClientBuilder().okHttpClient(recording))
                .build();
        return new Client(
                Sdk.of(config, recording),
                merchant.mchid(),
                SharedSimulator.CONFORMANCE_APPID,
                merchant.apiV3Key(),
                SharedSimulator.CERTIFICATE_SERIAL,
                57);
    }

    /** Signed as WeChat signs (exact header case), {@code Request-ID} in WeChat's form, keeping the connection. */
    private static void assertSigned(Answer answer, int code, Client client) {
        assertThat(answer.code()).as(answer.path()).isEqualTo(code);
        assertThat(answer.headers().names()).as(answer.path()).containsAll(SIGNATURE_HEADERS);
        if (client.serial() != null) {
            assertThat(answer.headers().get("Wechatpay-Serial")).isEqualTo(client.serial());
        }
        assertThat(answer.headers().get("Request-ID")).as(answer.path()).matches(REQUEST_ID);
        assertThat(answer.headers().values("Connection")).as(answer.path()).doesNotContain("close");
    }

    private static void assertJson(Answer answer, int code, Client client) {
        assertSigned(answer, code, client);
        assertThat(answer.headers().get("Content-Type")).as(answer.path()).isEqualTo("application/json; charset=utf-8");
    }

    /** An error answer: signed, JSON with the charset, {@code Request-ID}, keeping the connection as WeChat does. */
    private static void assertErrorAnswer(Answer answer, int code, Client client) {
        assertThat(answer.code()).as(answer.path()).isEqualTo(code);
        assertThat(answer.headers().names()).as(answer.path()).containsAll(SIGNATURE_HEADERS);
        assertThat(answer.headers().get("Request-ID")).as(answer.path()).matches(REQUEST_ID);
        assertThat(answer.headers().get("Content-Type")).as(answer.path()).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.headers().values("Connection")).as(answer.path()).doesNotContain("close");
    }

    /** The SDK's next call went over the connection that carried {@code error}: the server kept it open. */
    private static void assertSameConnection(Answer error, Answer next) {
        assertThat(next).as("a later answer").isNotSameAs(error);
        assertThat(next.localPort())
                .as("the connection after " + error.code() + " " + error.path())
                .isEqualTo(error.localPort());
    }

    private static Answer last(String method, String pathPart) {
        List<Answer> answers = new ArrayList<>(ANSWERS);
        for (int i = answers.size() - 1; i >= 0; i--) {
            Answer answer = answers.get(i);
            if (answer.method().equals(method) && answer.path().contains(pathPart)) {
                return answer;
            }
        }
        throw new AssertionError("no " + method + " " + pathPart + " answered");
    }

    private void tradeClock(java.time.LocalDateTime chinaTime) {
        ZonedDateTime at = chinaTime.atZone(Ids.CHINA);
        control.put(
                "/sim/v1/clock",
                Map.of(
                        "trade_offset_ms",
                        Duration.between(ZonedDateTime.now(Ids.CHINA), at).toMillis()));
    }

    private static GetTradeBillRequest bill(LocalDate day, BillType type) {
        var request = new GetTradeBillRequest();
        request.setBillDate(day.toString());
        request.setBillType(type);
        return request;
    }

    private static String download(Client client, LocalDate day, BillType type) {
        return assertVerifiedBill(client.sdk().bills().getTradeBill(bill(day, type)));
    }
}
