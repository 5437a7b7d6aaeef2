/**
 * The email channel: MIME in (an IMAP poller, raw RFC 822 bytes), SMTP out, through Jakarta Mail
 * on Eclipse Angus and jsoup. Depends on the contract, never on the behaviour module: a channel
 * is a plugin that the SPI alone makes possible.
 */
module dev.helpdesk.email {
    requires transitive dev.helpdesk.spi;
    requires transitive jakarta.mail;
    requires org.eclipse.angus.mail;
    requires org.jsoup;
    requires org.slf4j;
    requires static org.immutables.value;

    exports dev.helpdesk.email;
    exports dev.helpdesk.email.parse;
    exports dev.helpdesk.email.quote;
    exports dev.helpdesk.email.loop;
    exports dev.helpdesk.email.quarantine;
    exports dev.helpdesk.email.inbound;
    exports dev.helpdesk.email.imap;
    exports dev.helpdesk.email.smtp;

}
