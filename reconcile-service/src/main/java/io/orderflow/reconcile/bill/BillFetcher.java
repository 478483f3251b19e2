package io.orderflow.reconcile.bill;

import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.wechatpay.WechatPayRejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * Fetches a day's trade bill into a temporary file, streaming, and checks its SHA-1 against WeChat's
 * {@code hash_value} before anyone reads it: a bill that is not the one WeChat hashed changes nothing.
 */
class BillFetcher {

    /** What WeChat gave: a verified file, no bill (no trades), a bill not ready yet, or a file failing its hash. */
    sealed interface Fetched {}

    record Downloaded(Path file) implements Fetched {}

    record NoStatement() implements Fetched {}

    record StatementCreating() implements Fetched {}

    record HashMismatch() implements Fetched {}

    private final WechatPayGateway wechat;

    BillFetcher(WechatPayGateway wechat) {
        this.wechat = wechat;
    }

    /** @throws io.orderflow.platform.wechatpay.WechatPayUnavailable when WeChat could not be reached */
    Fetched fetch(String mchid, LocalDate billDate) {
        try {
            return wechat.tradeBill(mchid, billDate, BillFetcher::save);
        } catch (WechatPayRejected e) {
            return switch (e.code()) {
                case "NO_STATEMENT_EXIST" -> new NoStatement();
                case "STATEMENT_CREATING" -> new StatementCreating();
                default -> throw e;
            };
        }
    }

    private static Fetched save(DigestBillEntity bill) {
        Path file = null;
        try (InputStream in = bill.getInputStream()) {
            file = Files.createTempFile("tradebill-", ".csv");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            if (bill.verifyHash()) {
                return new Downloaded(file);
            }
            Files.delete(file);
            return new HashMismatch();
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("trade bill download failed", e);
        }
    }

    static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary file is harmless; the run's outcome matters more
        }
    }
}
