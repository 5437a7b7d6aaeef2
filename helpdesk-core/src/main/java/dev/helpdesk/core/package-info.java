/**
 * The desk's API: the {@link dev.helpdesk.core.Helpdesk} facade and its builder, the
 * per-tenant desks, the desk's settings and what a due run answers. Everything a host calls
 * starts here; the wiring behind it lives in {@code dev.helpdesk.core.internal}, which the
 * module does not export.
 */
@ValueStyle
package dev.helpdesk.core;

import dev.helpdesk.spi.ValueStyle;
