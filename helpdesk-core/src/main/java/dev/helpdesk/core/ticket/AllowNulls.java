package dev.helpdesk.core.ticket;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a collection part of a generated value whose elements may be null: commands carry input
 * as given, and the decider rejects a null name or value by name.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
@interface AllowNulls {
}
