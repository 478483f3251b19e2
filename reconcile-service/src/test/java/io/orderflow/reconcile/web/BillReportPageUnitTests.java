package io.orderflow.reconcile.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.DiscrepancyKind;
import io.orderflow.reconcile.bill.BillDay;
import io.orderflow.reconcile.bill.BillRun;
import io.orderflow.reconcile.bill.Discrepancy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillReportPageUnitTests {

    private static final BillRun RUN = new BillRun(
            "run-1",
            "1234567891",
            LocalDate.of(2026, 11, 1),
            "ON_DEMAND",
            "COMPLETED",
            null,
            3,
            2,
            1,
            2,
            1,
            0,
            0,
            12345,
            100,
            12345,
            100,
            1,
            Instant.EPOCH,
            Instant.EPOCH,
            null);

    @Test
    void showsTheDaysTotalsInYuanAndEveryDiscrepancy() {
        String html = BillReportPage.render(new BillDay(
                RUN,
                List.of(new Discrepancy(
                        DiscrepancyKind.AMOUNT_MISMATCH,
                        "O1",
                        "O1",
                        null,
                        "4200",
                        1000L,
                        900L,
                        "SUCCESS",
                        "SUCCESS",
                        "amounts differ",
                        Discrepancy.Repair.NONE,
                        false))));

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("123.45 / 123.45")
                .contains("1.00 / 1.00")
                .contains("<td>AMOUNT_MISMATCH</td>")
                .contains("<td>SUCCESS 10.00</td>")
                .contains("<td>SUCCESS 9.00</td>");
    }

    @Test
    void escapesEveryValueItShows() {
        String html = BillReportPage.render(new BillDay(
                RUN,
                List.of(new Discrepancy(
                        DiscrepancyKind.MISSING_LOCALLY,
                        "<script>alert(1)</script>",
                        "<script>alert(1)</script>",
                        null,
                        null,
                        1L,
                        null,
                        "\"SUCCESS\"",
                        null,
                        "a & b",
                        Discrepancy.Repair.NONE,
                        false))));

        assertThat(html)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("a &amp; b")
                .contains("&quot;SUCCESS&quot;");
    }

    @Test
    void saysWhenADayWasNotReconciled() {
        assertThat(BillReportPage.notReconciled("<m>", LocalDate.of(2026, 1, 2)))
                .contains("Not reconciled yet")
                .contains("&lt;m&gt;")
                .doesNotContain("<m>");
    }
}
