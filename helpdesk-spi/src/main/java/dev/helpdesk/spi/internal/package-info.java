/**
 * Helpers shared by the contract's value types. Not exported: nothing here is part of the
 * contract, and a store or plugin never needs it.
 */
package dev.helpdesk.spi.internal;
