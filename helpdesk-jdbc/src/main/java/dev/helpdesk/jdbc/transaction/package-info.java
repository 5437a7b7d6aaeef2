/**
 * Transactions: the {@link dev.helpdesk.jdbc.transaction.TransactionRunner} SPI through which
 * the store joins a host's transaction, and the default runner that opens its own.
 */
package dev.helpdesk.jdbc.transaction;
