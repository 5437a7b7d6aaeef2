package dev.helpdesk.jdbc.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.MessageFlag;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Any sequence of inbound messages (new requests, replies and automatic mail referring to
 * earlier ones of the same batch, repeated deliveries, automatic mail referring to nothing)
 * taken as one batch in one H2 transaction answers and records exactly what the same messages
 * taken one by one do.
 */
class IntakeBatchProperties {
    private static final TestPool POOL = Database.H2.fresh();
    private static final Helpdesk DESK = Helpdesk.builder().store(JdbcStores.create(POOL))
            .plugin(new IntakeBatchBehaviour.Crm()).build();
    private static final String[] SENDERS = {"ana@example.com", "bob@example.com", "cid@example.com"};

    @AfterContainer
    static void stop() {
        POOL.close();
    }

    /** The messages a list of seeds stands for, each seed choosing a kind, a sender and an earlier message. */
    static List<InboundMessage> messages(TenantId t, List<Integer> seeds) {
        List<InboundMessage> out = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            int seed = seeds.get(i);
            int kind = i == 0 ? 0 : seed % 5;
            InboundMessage earlier = i == 0 ? null : out.get((seed / 5) % i);
            String sender = SENDERS[(seed / 7) % SENDERS.length];
            String id = "m" + i + "@x";
            out.add(switch (kind) {
                case 1 -> IntakeBatchBehaviour.mail(t, id, earlier.sender().value(), "Re: " + earlier.subject(),
                        "Reply " + i + ".", earlier.externalId().value());
                case 2 -> InboundMessage.builder().from(IntakeBatchBehaviour.mail(t, id, sender, "Out of office",
                        "Away " + i + ".", earlier.externalId().value())).addFlags(MessageFlag.AUTO_REPLY).build();
                case 3 -> earlier;
                case 4 -> InboundMessage.builder().from(IntakeBatchBehaviour.mail(t, id, sender, "News", "News " + i + "."))
                        .addFlags(MessageFlag.BULK).build();
                default -> IntakeBatchBehaviour.mail(t, id, sender, "Request " + i, "Body " + i + ".");
            });
        }
        return out;
    }

    private static List<String> tickets(TenantId tenant) {
        List<Ticket> all = new ArrayList<>(DESK.tenant(tenant).tickets().list(TicketQuery.all(), PageRequest.first(100),
                Actor.agent("ben")).get().items());
        all.sort(Comparator.comparingLong(t -> t.number().value()));
        return all.stream().map(t -> "#" + t.number().value() + " " + t.status() + " " + t.requester().value() + " "
                + t.messages().stream().map(m -> m.body()).toList()).toList();
    }

    @Property(tries = 40)
    void a_batch_answers_and_records_what_its_messages_one_by_one_do(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 1_000) Integer> seeds) {
        TenantId batched = IntakeBatchBehaviour.newTenant();
        TenantId single = IntakeBatchBehaviour.newTenant();

        List<IntakeOutcome> together = DESK.intake().acceptAll(messages(batched, seeds));
        List<IntakeOutcome> oneByOne = messages(single, seeds).stream().map(DESK.intake()::accept).toList();

        assertEquals(IntakeBatchBehaviour.shapes(oneByOne), IntakeBatchBehaviour.shapes(together));
        assertEquals(tickets(single), tickets(batched));
    }
}
