package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.platform.test.GeneratedFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/events.md} is rendered from the contract; rewrite it with {@code -Dorderflow.docs.write=true}. */
class EventCatalogueUnitTests {

    private static final Path CATALOGUE = Path.of("../docs/events.md");

    @Test
    void checkedInCatalogueIsUpToDate() {
        new GeneratedFile(CATALOGUE, "orderflow.docs.write").assertUpToDate(EventCatalogue.render());
    }

    @Test
    void catalogueListsEveryTypeWithItsFields() {
        String catalogue = EventCatalogue.render();

        assertThat(EventTypes.all())
                .allSatisfy(type -> assertThat(catalogue)
                        .contains("### " + type.ceType() + "\n")
                        .contains("| `" + type.topic() + "` |"));
        assertThat(catalogue)
                .contains("| `shop_order_no` | string | yes |")
                .contains("| `from` | enum: `PENDING`, `SUCCESS`, `FAILED`, `CLOSED`, `REFUND` | no |")
                .contains("`ce_subject`")
                .contains("### Money\n");
    }
}
