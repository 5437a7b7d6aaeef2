/** Time and identity for the desk: a settable clock for tests and the default id generator. */
package dev.helpdesk.core.time;
