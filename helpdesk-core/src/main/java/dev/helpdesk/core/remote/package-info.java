/**
 * Remote sessions with the customer's consent: the desk's {@link dev.helpdesk.core.remote.RemoteSettings}
 * (the host's secret that signs consent links, how long a link works, the consent texts), the
 * {@link dev.helpdesk.core.remote.ConsentLinks} that sign and check the single-use links, and the
 * {@link dev.helpdesk.core.remote.ConsentInvitation} a host hands to the customer. The consents
 * and sessions themselves are ticket events decided by the one ticket decider; the per-tenant
 * API is {@link dev.helpdesk.core.RemoteDesk}.
 */
@ValueStyle
package dev.helpdesk.core.remote;

import dev.helpdesk.spi.ValueStyle;
