/**
 * Mail that must not start a conversation: automatic replies, bounces and bulk mail are
 * recognised from their headers ({@link dev.helpdesk.email.loop.AutomaticMail}), and a sender
 * that writes faster than a person does is stopped ({@link
 * dev.helpdesk.email.loop.SenderRateLimiter}), so the desk and an autoresponder never answer
 * each other forever.
 */
@ValueStyle
package dev.helpdesk.email.loop;

import dev.helpdesk.spi.ValueStyle;
