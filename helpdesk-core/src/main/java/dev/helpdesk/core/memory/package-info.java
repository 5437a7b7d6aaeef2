/** In-memory adapters: the default store of a desk. */
package dev.helpdesk.core.memory;
