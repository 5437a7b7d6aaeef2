/** The wiring of problem management: the parts every tenant's problem desk shares. */
package dev.helpdesk.core.internal.problem;
