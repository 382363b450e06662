package io.vantage.api.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketlessUpgradeTest {

    @Test
    void removesOnlyTheTicket() {
        assertThat(TicketlessUpgrade.withoutTicket("ticket=abc&instance=x1&width=800"))
                .isEqualTo("instance=x1&width=800");
        assertThat(TicketlessUpgrade.withoutTicket("instance=x1&ticket=abc")).isEqualTo("instance=x1");
        assertThat(TicketlessUpgrade.withoutTicket("ticket=abc")).isNull();
        assertThat(TicketlessUpgrade.withoutTicket("ticketless=1&ticket")).isEqualTo("ticketless=1");
        assertThat(TicketlessUpgrade.withoutTicket(null)).isNull();
    }
}
