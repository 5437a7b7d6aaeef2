/** Tenants: the separate customer bases one desk serves. */
package dev.helpdesk.spi.tenant;
