/**
 * The web form and the customer portal: host-defined forms ({@link dev.helpdesk.core.portal.WebForm},
 * {@link dev.helpdesk.core.portal.FormField}) whose fields map to custom fields, gathered in
 * {@link dev.helpdesk.core.portal.PortalSettings}. The desk is {@link dev.helpdesk.core.PortalDesk}.
 */
@ValueStyle
package dev.helpdesk.core.portal;

import dev.helpdesk.spi.ValueStyle;
