/**
 * Quoted-reply stripping: the part of a customer's answer that is new, without the earlier
 * messages their mail client quoted below it or the signature.
 */
@ValueStyle
package dev.helpdesk.email.quote;

import dev.helpdesk.spi.ValueStyle;
