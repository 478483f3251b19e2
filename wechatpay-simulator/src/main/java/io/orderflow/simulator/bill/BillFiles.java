package io.orderflow.simulator.bill;

import io.orderflow.simulator.crypto.Nonces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Holds rendered bills behind download tokens, each bound to the merchant that applied for it
 * and valid for 5 minutes (real time), as WeChat's download_url.
 */
public class BillFiles {

    static final Duration VALIDITY = Duration.ofMinutes(5);

    /** A stored bill: the bytes to serve (gzipped if asked), who may fetch them, and when it was issued. */
    public record StoredBill(String mchid, byte[] content, Instant issuedAt) {}

    private final Map<String, StoredBill> files = new ConcurrentHashMap<>();

    /** Stores the bill and returns its download token. */
    public String store(String mchid, byte[] bill, boolean gzip) {
        String token = Nonces.alphanumeric(40);
        files.values().removeIf(stored -> expired(stored, Instant.now()));
        files.put(token, new StoredBill(mchid, gzip ? gzip(bill) : bill, Instant.now()));
        return token;
    }

    public Optional<StoredBill> fetch(String token, String mchid) {
        return Optional.ofNullable(files.get(token))
                .filter(bill -> bill.mchid().equals(mchid) && !expired(bill, Instant.now()));
    }

    private static boolean expired(StoredBill bill, Instant now) {
        return bill.issuedAt().plus(VALIDITY).isBefore(now);
    }

    /** SHA-1 in lowercase hex, over the uncompressed file, as {@code hash_value}. */
    public static String sha1(byte[] bill) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bill));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
