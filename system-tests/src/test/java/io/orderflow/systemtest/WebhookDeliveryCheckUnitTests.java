package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The webhook check's own rules: which deliveries, missing ones and signatures are differences. */
class WebhookDeliveryCheckUnitTests {

    private static final String SECRET = "whsec_test";
    private static final List<WebhookDeliveryCheck.Change> CHANGES = List.of(
            new WebhookDeliveryCheck.Change("c1", 1, "PENDING"),
            new WebhookDeliveryCheck.Change("c2", 2, "SUCCESS"),
            new WebhookDeliveryCheck.Change("c3", 3, "REFUND"));

    @Test
    void everyChangeDeliveredOnceOrTwiceAndSignedIsNoDifference() {
        List<WebhookReceiver.Delivery> deliveries = new ArrayList<>(all());
        deliveries.add(delivery("c2", 2, "SUCCESS", 2, true));

        CheckTable table = new CheckTable();
        WebhookDeliveryCheck.check(table, "O1", CHANGES, deliveries, "REFUND");

        assertThat(table.report().differences()).isEmpty();
        assertThat(table.report().rows())
                .extracting(row -> row.check() + " " + row.checked()[0])
                .containsExactly(
                        WebhookDeliveryCheck.DELIVERED + " 3",
                        WebhookDeliveryCheck.LAST + " 1",
                        WebhookDeliveryCheck.SIGNED + " 4");
    }

    @Test
    void aChangeNeverDeliveredIsADifference() {
        List<WebhookReceiver.Delivery> deliveries = new ArrayList<>(all());
        deliveries.remove(1);

        CheckTable table = new CheckTable();
        WebhookDeliveryCheck.check(table, "O1", CHANGES, deliveries, "REFUND");

        assertThat(table.report().differences())
                .containsExactly(WebhookDeliveryCheck.DELIVERED + ": O1 version 2 (SUCCESS, ce-id c2) never delivered");
    }

    @Test
    void aStaleLastDeliveredVersionIsADifference() {
        List<WebhookReceiver.Delivery> deliveries = all().subList(0, 2);

        CheckTable table = new CheckTable();
        WebhookDeliveryCheck.check(table, "O1", CHANGES, deliveries, "REFUND");

        assertThat(table.report().differences())
                .containsExactly(
                        WebhookDeliveryCheck.DELIVERED + ": O1 version 3 (REFUND, ce-id c3) never delivered",
                        WebhookDeliveryCheck.LAST
                                + ": O1 last delivered version 2 SUCCESS, last on the topic version 3 REFUND, "
                                + "API REFUND");
    }

    @Test
    void aLastDeliveryWhoseStatusIsNotTheApisIsADifference() {
        CheckTable table = new CheckTable();
        WebhookDeliveryCheck.check(table, "O1", CHANGES, all(), "SUCCESS");

        assertThat(table.report().differences())
                .containsExactly(WebhookDeliveryCheck.LAST
                        + ": O1 last delivered version 3 REFUND, last on the topic version 3 REFUND, API SUCCESS");
    }

    @Test
    void aDeliveryOtherThanItsChangeOrNotOnTheTopicOrBadlySignedIsADifference() {
        List<WebhookReceiver.Delivery> deliveries = new ArrayList<>(all());
        deliveries.add(delivery("c1", 2, "PENDING", 2, true));
        deliveries.add(delivery("c9", 1, "PENDING", 1, true));
        deliveries.add(delivery("c3", 3, "REFUND", 2, false));

        CheckTable table = new CheckTable();
        WebhookDeliveryCheck.check(table, "O1", CHANGES, deliveries, "REFUND");

        assertThat(table.report().differences())
                .containsExactly(
                        WebhookDeliveryCheck.DELIVERED
                                + ": O1 ce-id c1 delivered as O1 version 2 PENDING, on the topic version 1 PENDING",
                        WebhookDeliveryCheck.DELIVERED + ": O1 ce-id c9 delivered but not on the topic",
                        WebhookDeliveryCheck.SIGNED + ": O1 version 3 attempt 2 (ce-id c3): signature does not verify");
    }

    @Test
    void theDocumentedSignatureCheckRefusesATamperedBodyAReplayAndAnotherSecret() {
        byte[] body = "{\"order_id\":\"O1\",\"version\":2}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        long t = now.getEpochSecond();
        String header = WebhookReceiver.sign(SECRET, t, body);

        assertThat(WebhookReceiver.verify(header, body, SECRET, now)).isTrue();
        assertThat(WebhookReceiver.verify(header, body, SECRET, now.plusSeconds(300)))
                .isTrue();
        // during a rotation's overlap the header carries one v1 per secret
        assertThat(WebhookReceiver.verify(
                        WebhookReceiver.sign("old", t, body) + ",v1=" + header.substring(header.indexOf("v1=") + 3),
                        body,
                        SECRET,
                        now))
                .isTrue();
        assertThat(WebhookReceiver.verify(
                        header, "{\"order_id\":\"O1\",\"version\":3}".getBytes(StandardCharsets.UTF_8), SECRET, now))
                .isFalse();
        assertThat(WebhookReceiver.verify(header, body, SECRET, now.plusSeconds(301)))
                .isFalse();
        assertThat(WebhookReceiver.verify(header, body, "another", now)).isFalse();
        assertThat(WebhookReceiver.verify(null, body, SECRET, now)).isFalse();
        assertThat(WebhookReceiver.verify("t=x,v1=00", body, SECRET, now)).isFalse();
    }

    private static List<WebhookReceiver.Delivery> all() {
        return List.of(
                delivery("c1", 1, "PENDING", 1, true),
                delivery("c2", 2, "SUCCESS", 1, true),
                delivery("c3", 3, "REFUND", 1, true));
    }

    private static WebhookReceiver.Delivery delivery(
            String ceId, long version, String to, int attempt, boolean signed) {
        return new WebhookReceiver.Delivery(ceId, "O1", version, to, attempt, signed, Instant.now());
    }
}
