/**
 * The JDBC store inside Spring-managed transactions: {@link dev.helpdesk.spring.boot.transaction.SpringTransactionRunner}.
 */
package dev.helpdesk.spring.boot.transaction;
