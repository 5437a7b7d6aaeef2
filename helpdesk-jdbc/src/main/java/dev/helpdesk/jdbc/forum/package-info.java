/**
 * Forum posts the desk tracks, in the database: {@link dev.helpdesk.jdbc.forum.JdbcForumStore},
 * reached through {@link dev.helpdesk.jdbc.JdbcTicketStore#forumStore()}.
 */
package dev.helpdesk.jdbc.forum;
