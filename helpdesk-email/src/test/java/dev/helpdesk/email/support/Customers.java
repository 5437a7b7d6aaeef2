package dev.helpdesk.email.support;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;

/** Customers' mail clients in the tests: they send over the test SMTP server. */
public final class Customers {
    private Customers() {
    }

    /** A session on the test SMTP server. */
    public static Session session(int smtpPort) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        return Session.getInstance(p);
    }

    /**
     * A plain mail as a customer's client writes it.
     *
     * @param inReplyTo the id it answers without brackets, or null
     * @param references the ids it names, oldest first, without brackets, or none
     */
    public static MimeMessage mail(Session session, String fromAddress, String fromName, String to, String subject,
                                   String text, String messageId, String inReplyTo, String... references)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        m.setFrom(new InternetAddress(fromAddress, fromName, "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date(1_772_438_400_000L));
        m.setText(text, "UTF-8");
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", "<" + inReplyTo + ">");
        }
        if (references.length > 0) {
            StringBuilder refs = new StringBuilder();
            for (String r : references) {
                refs.append(refs.length() == 0 ? "" : " ").append('<').append(r).append('>');
            }
            m.setHeader("References", refs.toString());
        }
        m.saveChanges();
        return m;
    }

    /** Sends a mail. */
    public static void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }
}
