package io.orderflow.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsUnitTests {

    private final Path repository = Path.of("/checkout");

    @Test
    void defaultsToTheFixedPortsTemporaryDataAndTheSimulator() {
        StackSettings settings = StackSettings.parse(new String[0], Map.of(), repository);
        assertThat(settings.keepsData()).isFalse();
        assertThat(settings.usesSimulator()).isTrue();
        assertThat(settings.postgresUrl()).isNull();
        assertThat(settings.kafkaBootstrap()).isNull();
        assertThat(settings.orderExpireIn()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.credentialsFile()).isEqualTo(Path.of("/checkout/local/target/run/shop.properties"));
        assertThat(new Ports(settings).of("order")).isEqualTo(8081);
    }

    @Test
    void keepDataUsesTheIgnoredDataDirectoryOfTheCheckout() {
        StackSettings settings = StackSettings.parse(new String[] {"--keep-data"}, Map.of(), repository);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/checkout/.data/local"));
    }

    @Test
    void argumentsOutrankEnvironmentVariables() {
        StackSettings settings = StackSettings.parse(
                new String[] {"--kafka-bootstrap=broker:9092", "--order-port=9181", "--order-expire-in=2m"},
                Map.of(
                        "ORDERFLOW_LOCAL_KAFKA_BOOTSTRAP",
                        "other:9092",
                        "ORDERFLOW_LOCAL_POSTGRES_URL",
                        "jdbc:postgresql://db:5432/postgres?user=u&password=p"),
                repository);
        assertThat(settings.kafkaBootstrap()).isEqualTo("broker:9092");
        assertThat(settings.postgresUrl()).startsWith("jdbc:postgresql://db:5432/");
        assertThat(new Ports(settings).of("order")).isEqualTo(9181);
        assertThat(settings.orderExpireIn()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.toString()).doesNotContain("password=p");
    }

    @Test
    void everyServiceHasAManagementPortOfItsOwnForActuator() {
        Ports fixed = new Ports(StackSettings.parse(new String[0], Map.of(), repository));
        Ports chosen = new Ports(StackSettings.parse(
                new String[] {"--reconcile-management-port=9184"},
                Map.of("ORDERFLOW_LOCAL_ORDER_MANAGEMENT_PORT", "9181"),
                repository));
        Ports random = new Ports(StackSettings.parse(new String[] {"--random-ports"}, Map.of(), repository));

        assertThat(List.of("order", "payment", "notify", "reconcile"))
                .extracting(s -> fixed.of(s + "-management"))
                .containsExactly(9081, 9082, 9083, 9084);
        assertThat(chosen.of("reconcile-management")).isEqualTo(9184);
        assertThat(chosen.of("order-management")).isEqualTo(9181);
        assertThat(random.of("notify-management")).isNotIn(9083, random.of("notify"));
    }

    @Test
    void rejectsArgumentsThatAreNotOptions() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"start"}, Map.of(), repository))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
