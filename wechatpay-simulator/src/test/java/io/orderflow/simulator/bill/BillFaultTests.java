package io.orderflow.simulator.bill;

import static io.orderflow.simulator.support.SdkAssertions.assertError;
import static io.orderflow.simulator.support.SdkAssertions.assertVerifiedBill;
import static org.assertj.core.api.Assertions.assertThat;

import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.ledger.Ids;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What bill reconciliation needs from the simulator: trades on another day, and bills not ready or corrupted. */
class BillFaultTests {

    private static final String TRADEBILL = "/v3/bill/tradebill";

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forTestMerchant(simulator);

    private final Control control = new Control(simulator);

    @Test
    void aTradeStampedOnAnotherDayByTheTradeClockIsOnThatDaysBill() throws IOException {
        LocalDate day = LocalDate.now(Ids.CHINA).minusDays(40);
        Instant noon = day.atTime(12, 0).atZone(Ids.CHINA).toInstant();
        var request = Orders.prepay("https://merchant.example/notify", 321);
        String prepayId =
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10);
        SimulatedTime time = simulator.context().getBean(SimulatedTime.class);
        time.shiftTrades(Duration.between(Instant.now(), noon));
        try {
            control.pay(prepayId);
        } finally {
            time.shiftTrades(Duration.ZERO);
        }

        String bill = assertVerifiedBill(sdk.bills().getTradeBill(billOf(day)));
        assertThat(bill).contains("`" + day + " 12:00:").contains("`" + request.getOutTradeNo() + ",");
    }

    @Test
    void statementCreatingAnswersLikeWechatBeforeTheBillIsReadyEvenForADayThatIsReady() {
        LocalDate day = LocalDate.now(Ids.CHINA).minusDays(43);
        paidOn(day);
        faults().add(FaultKind.STATEMENT_CREATING, SharedSimulator.MCHID, TRADEBILL, 1.0, 1, null);

        assertError(() -> sdk.bills().getTradeBill(billOf(day)), 400, "STATEMENT_CREATING");
        assertThat(sdk.bills().getTradeBill(billOf(day)).getInputStream()).isNotNull();
    }

    @Test
    void aBadBillHashServesAFileThatFailsTheSdksCheck() throws IOException {
        LocalDate day = LocalDate.now(Ids.CHINA).minusDays(44);
        paidOn(day);
        faults().add(FaultKind.BAD_BILL_HASH, SharedSimulator.MCHID, TRADEBILL, 1.0, 1, null);

        var entity = sdk.bills().getTradeBill(billOf(day));
        try (var in = entity.getInputStream()) {
            in.readAllBytes();
        }
        assertThat(entity.verifyHash()).isFalse();
    }

    private void paidOn(LocalDate day) {
        var request = Orders.prepay("https://merchant.example/notify", 100);
        String prepayId =
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10);
        control.atNoonOf(day, () -> control.pay(prepayId));
    }

    private Faults faults() {
        return simulator.context().getBean(Faults.class);
    }

    private static GetTradeBillRequest billOf(LocalDate day) {
        var request = new GetTradeBillRequest();
        request.setBillDate(day.toString());
        return request;
    }
}
