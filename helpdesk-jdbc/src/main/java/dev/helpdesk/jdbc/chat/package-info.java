/**
 * Live chat sessions in the database: {@link dev.helpdesk.jdbc.chat.JdbcChatStore}, reached
 * through {@link dev.helpdesk.jdbc.JdbcTicketStore#chatStore()}.
 */
package dev.helpdesk.jdbc.chat;
