package dev.helpdesk.core;

import dev.helpdesk.core.chat.ChatSettings;
import dev.helpdesk.core.forum.ForumSettings;
import dev.helpdesk.core.internal.chat.LiveChat;
import dev.helpdesk.core.internal.forum.Forum;
import dev.helpdesk.core.internal.phone.Hotline;
import dev.helpdesk.core.internal.pipeline.Pipeline;
import dev.helpdesk.core.phone.PhoneSettings;
import dev.helpdesk.core.portal.PortalSettings;
import dev.helpdesk.spi.ticket.IdGenerator;
import java.time.Clock;
import java.util.Optional;

/**
 * The channels a desk was built with, wired once: the hotline, live chat and the forum when it has their
 * settings.
 *
 * @param hotline the hotline, or empty
 * @param chat    live chat, or empty
 * @param forum   the community forum, or empty
 * @param portal  the portal's web forms
 */
record ChannelSetup(Optional<Hotline> hotline, Optional<LiveChat> chat, Optional<Forum> forum, PortalSettings portal) {

    static ChannelSetup of(PhoneSettings phone, ChatSettings chat, ForumSettings forum, PortalSettings portal,
                           Pipeline pipeline, Clock clock, IdGenerator ids) {
        return new ChannelSetup(Optional.ofNullable(phone).map(p -> new Hotline(p, pipeline.commands(), clock, pipeline.keyed())),
                Optional.ofNullable(chat).map(c -> new LiveChat(c, pipeline.commands(), pipeline.keyed(),
                        pipeline.router().directory(), clock, ids)),
                Optional.ofNullable(forum).map(f -> new Forum(f, pipeline.commands(), pipeline.keyed(), clock,
                        // accepted answers drafted in the knowledge base, attached after the channels
                        (tenant, origin, form, author) -> pipeline.knowledge().draftFrom(tenant, origin, form, author))),
                portal == null ? PortalSettings.none() : portal);
    }
}
