package io.orderflow.simulator.api;

import io.orderflow.simulator.SimulatorProperties;
import io.orderflow.simulator.bill.BillFiles;
import io.orderflow.simulator.bill.BillType;
import io.orderflow.simulator.bill.Bills;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.simulator.ledger.ApiError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trade bill application (the bill itself exists when {@link Bills} says so) and the unsigned download. */
@RestController
class BillController {

    static final String DOWNLOAD_PATH = "/v3/billdownload/file";

    private final Bills bills;

    private final BillFiles files;

    private final String downloadBase;

    BillController(Bills bills, BillFiles files, SimulatorProperties properties) {
        this.bills = bills;
        this.files = files;
        this.downloadBase = properties.getBillDownloadBaseUrl();
    }

    @GetMapping("/v3/bill/tradebill")
    Map<String, Object> apply(
            @RequestAttribute(ApiExchangeFilter.MCHID) String mchid,
            @RequestParam("bill_date") String billDate,
            @RequestParam(name = "bill_type", defaultValue = "ALL") String billType,
            @RequestParam(name = "tar_type", required = false) String tarType,
            @RequestAttribute(name = ApiExchangeFilter.FAULT, required = false) FaultRule fault) {
        LocalDate date = parseDate(billDate);
        if (!BillType.names().contains(billType)) {
            throw ApiError.paramError("bill_type", "query", "simulator renders ALL, SUCCESS and REFUND bills");
        }
        if (tarType != null && !"GZIP".equals(tarType)) {
            throw ApiError.paramError("tar_type", "query", "tar_type 只支持 GZIP");
        }
        byte[] bill = bills.file(mchid, date, BillType.valueOf(billType));
        String token = files.store(mchid, bill, tarType != null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hash_type", "SHA1");
        // BAD_BILL_HASH: the file no longer matches hash_value, as if corrupted on the way
        boolean badHash = fault != null && fault.kind() == FaultKind.BAD_BILL_HASH;
        out.put("hash_value", BillFiles.sha1(badHash ? Arrays.copyOf(bill, bill.length - 1) : bill));
        out.put(
                "download_url",
                downloadBase + DOWNLOAD_PATH + "?token=" + token + (tarType != null ? "&tartype=gzip" : ""));
        return out;
    }

    @GetMapping(DOWNLOAD_PATH)
    ResponseEntity<byte[]> download(
            @RequestAttribute(ApiExchangeFilter.MCHID) String mchid, @RequestParam String token) {
        var bill = files.fetch(token, mchid).orElseThrow(() -> new ApiError(404, "RESOURCE_NOT_EXISTS", "账单下载链接无效"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(bill.content());
    }

    /** yyyy-MM-dd; whether the day has a bill is {@link Bills}' to say. */
    private static LocalDate parseDate(String billDate) {
        try {
            return LocalDate.parse(billDate);
        } catch (DateTimeParseException ex) {
            throw ApiError.paramError("bill_date", "query", "bill_date 格式应为 yyyy-MM-dd");
        }
    }
}
