package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.cost.ChannelCost;
import dev.helpdesk.core.cost.ChannelCosts;
import dev.helpdesk.core.cost.ChannelWeights;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Every message records its channel; a ticket moves between channels; its cost per channel follows. */
class ChannelCostTest {
    private static final ChannelWeights WEIGHTS = ChannelWeights.builder().perContact(Channel.PHONE, new BigDecimal("6"))
            .perContact(Channel.EMAIL, new BigDecimal("2")).otherwise(new BigDecimal("1.5")).build();

    @Test
    void a_ticket_that_moves_from_chat_to_email_to_phone_is_priced_per_channel() {
        Fixture f = new Fixture();
        Ticket t = ok(f.acme.open(Fixture.printerBroken(CAROL).channel(Channel.LIVE_CHAT).build(), CAROL));
        ok(f.acme.reply(t.id(), "Could you send a photo of the error?", Channel.EMAIL, ANA));
        ok(f.acme.reply(t.id(), "Attached.", Channel.EMAIL, CAROL));
        ok(f.acme.note(t.id(), "internal: looks like the fuser", ANA));
        ok(f.acme.reply(t.id(), "Called: fuser replaced on site next week.", Channel.PHONE, ANA));

        ChannelCost cost = ChannelCosts.of(ok(f.acme.history(t.id(), ANA)), WEIGHTS);

        assertEquals(List.of(Channel.LIVE_CHAT, Channel.EMAIL, Channel.PHONE), cost.path());
        assertEquals(Map.of(Channel.LIVE_CHAT, 1, Channel.EMAIL, 2, Channel.PHONE, 1), cost.contacts());
        assertEquals(new BigDecimal("11.5"), cost.total());
        assertEquals(new BigDecimal("4"), cost.cost().get(Channel.EMAIL));
    }

    @Property(tries = 200)
    void the_total_is_the_weighted_sum_of_the_contacts_and_every_contact_is_on_the_path(
            @ForAll @Size(max = 12) List<@net.jqwik.api.From("channels") Channel> replies) {
        Fixture f = new Fixture();
        Ticket t = ok(f.acme.open(Fixture.printerBroken(CAROL).build(), CAROL));
        for (int i = 0; i < replies.size(); i++) {
            ok(f.acme.reply(t.id(), "reply " + i, replies.get(i), i % 2 == 0 ? ANA : CAROL));
        }

        ChannelCost cost = ChannelCosts.of(ok(f.acme.history(t.id(), ANA)), WEIGHTS);

        assertEquals(replies.size() + 1, cost.contacts().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(cost.contacts().entrySet().stream().map(e -> WEIGHTS.of(e.getKey())
                .multiply(BigDecimal.valueOf(e.getValue()))).reduce(BigDecimal.ZERO, BigDecimal::add), cost.total());
        assertEquals(true, cost.path().containsAll(cost.contacts().keySet()));
        for (int i = 1; i < cost.path().size(); i++) {
            assertEquals(false, cost.path().get(i).equals(cost.path().get(i - 1)));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Channel> channels() {
        return Arbitraries.of(Channel.EMAIL, Channel.PHONE, Channel.LIVE_CHAT, Channel.WEB_FORM, Channel.SELF_SERVICE);
    }
}
