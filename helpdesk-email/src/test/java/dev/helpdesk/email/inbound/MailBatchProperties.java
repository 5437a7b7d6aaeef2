package dev.helpdesk.email.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.support.MemoryAttachmentStore;
import dev.helpdesk.spi.channel.IntakeOutcome;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A batch of corpus mails in any order, repeats included (a mail delivered twice, a reply before
 * or after what it answers), is taken as the same mails received one by one: the same outcomes,
 * the same tickets, the same attachments kept.
 */
class MailBatchProperties {
    private static final List<byte[]> CORPUS = MailBatchTest.corpus();
    private final Helpdesk desk = Helpdesk.builder().plugin(new MailBatchTest.Everyone()).build();
    private final MemoryAttachmentStore attachments = new MemoryAttachmentStore(true);
    private final MailReceiver receiver = MailBatchTest.receiver(desk.intake(), attachments);

    @Property(tries = 60)
    void a_batch_of_corpus_mails_equals_the_mails_one_by_one(
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 59) Integer> picks) throws Exception {
        List<byte[]> mails = picks.stream().map(CORPUS::get).toList();
        TenantMailbox batched = MailBatchTest.newMailbox();
        TenantMailbox single = MailBatchTest.newMailbox();

        int before = attachments.count();
        List<IntakeOutcome> together = receiver.receiveAll(batched, mails.stream().map(RawMail::of).toList());
        int keptByBatch = attachments.count() - before;
        List<IntakeOutcome> oneByOne = new ArrayList<>();
        for (byte[] raw : mails) {
            oneByOne.add(receiver.receive(single, raw));
        }

        assertEquals(MailBatchTest.shapes(oneByOne), MailBatchTest.shapes(together));
        assertEquals(MailBatchTest.tickets(desk, single.tenant()), MailBatchTest.tickets(desk, batched.tenant()));
        assertEquals(keptByBatch, attachments.count() - before - keptByBatch);
    }
}
