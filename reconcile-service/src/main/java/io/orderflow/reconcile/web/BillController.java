package io.orderflow.reconcile.web;

import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.reconcile.bill.BillDay;
import io.orderflow.reconcile.bill.InvalidBillDate;
import io.orderflow.reconcile.bill.Reconciliation;
import io.orderflow.reconcile.bill.RunInProgress;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bill reconciliation for operators: run a day on demand ({@code POST /reconcile/v1/bills/{mchid}/{date}/runs},
 * synchronous), read the day's latest run and discrepancies as JSON, or as an HTML report.
 */
@RestController
class BillController {

    private final Reconciliation reconciliation;

    BillController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping("/reconcile/v1/bills/{mchid}/{date}/runs")
    BillDay run(
            @PathVariable String mchid, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return reconciliation.run(mchid, date, "ON_DEMAND", 1);
    }

    @GetMapping("/reconcile/v1/bills/{mchid}/{date}")
    ResponseEntity<BillDay> day(
            @PathVariable String mchid, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return ResponseEntity.of(reconciliation.day(mchid, date));
    }

    @GetMapping(value = "/reconcile/v1/bills/{mchid}/{date}/report", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> report(
            @PathVariable String mchid, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return reconciliation
                .day(mchid, date)
                .map(day -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(BillReportPage.render(day)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_HTML)
                        .body(BillReportPage.notReconciled(mchid, date)));
    }

    @ExceptionHandler(InvalidBillDate.class)
    ResponseEntity<Map<String, String>> invalidDate(InvalidBillDate e) {
        return error(HttpStatus.BAD_REQUEST, "INVALID_BILL_DATE", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> unreadable(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "INVALID_BILL_DATE", e.getName() + " must be a date like 2026-01-31");
    }

    @ExceptionHandler(WechatPayClients.UnknownMerchantException.class)
    ResponseEntity<Map<String, String>> unknownMerchant(WechatPayClients.UnknownMerchantException e) {
        return error(HttpStatus.NOT_FOUND, "UNKNOWN_MERCHANT", e.getMessage());
    }

    @ExceptionHandler(RunInProgress.class)
    ResponseEntity<Map<String, String>> running(RunInProgress e) {
        return error(HttpStatus.CONFLICT, "RUN_IN_PROGRESS", e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "message", message));
    }
}
