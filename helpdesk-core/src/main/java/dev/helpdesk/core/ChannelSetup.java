package dev.helpdesk.core;

import dev.helpdesk.core.internal.phone.Hotline;
import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.core.phone.PhoneSettings;
import dev.helpdesk.spi.ticket.IdGenerator;
import java.time.Clock;
import java.util.Optional;

/**
 * The channels a desk was built with, wired once: the hotline when it has phone settings.
 *
 * @param hotline the hotline, or empty
 */
record ChannelSetup(Optional<Hotline> hotline) {

    static ChannelSetup of(PhoneSettings phone, Pipeline pipeline, Clock clock, IdGenerator ids) {
        return new ChannelSetup(Optional.ofNullable(phone).map(p -> new Hotline(p, pipeline.commands(), clock, ids)));
    }
}
