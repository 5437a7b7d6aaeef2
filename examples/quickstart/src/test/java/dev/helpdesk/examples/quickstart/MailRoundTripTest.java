package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.channel.IntakeOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailRoundTripTest {

    @Test
    void the_mail_round_trip_opens_replies_threads_back_records_the_auto_reply_and_takes_a_redelivery_once() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MailRoundTrip.Result result = new MailRoundTrip(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);

        List<IntakeOutcome> outcomes = result.outcomes();
        assertEquals(4, outcomes.size(), outcomes.toString());
        IntakeOutcome.Opened opened = assertInstanceOf(IntakeOutcome.Opened.class, outcomes.get(0));
        IntakeOutcome.Replied answer = assertInstanceOf(IntakeOutcome.Replied.class, outcomes.get(1));
        assertEquals(opened.ticket(), answer.ticket());
        IntakeOutcome.Recorded away = assertInstanceOf(IntakeOutcome.Recorded.class, outcomes.get(2));
        assertEquals(opened.ticket(), away.ticket());
        assertInstanceOf(IntakeOutcome.Duplicate.class, outcomes.get(3));
        assertEquals("Re: Printer offline [#" + opened.number().value() + "]", result.replySubject());
        assertEquals("<first@example.com>", result.replyInReplyTo());
        assertEquals(List.of("Nothing prints since this morning's update.", "Please switch the printer off and on again.",
                "Done - it prints again, thank you!"), result.conversation());
        assertEquals("SOLVED", result.finalStatus(), "the out-of-office reply did not reopen the ticket");
        assertTrue(out.contains("Email round trip"), out);
    }
}
