package dev.helpdesk.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one style of the project's value types, put on a package's {@code package-info.java}:
 * generated implementations stay package-private behind the abstract type
 * ({@code overshadowImplementation}), only JDK collections are used, plural collection
 * attributes get singular adders ({@code addTag}), and builders are reached through the
 * abstract type's own {@code builder()} method. A builder that was not given a required part
 * throws {@link ConfigurationException} naming every missing part, so that configuration written
 * in code fails in one way only; invariants are {@code @Value.Check} methods. Used at compile
 * time only: the annotation and the Immutables processor are not needed at run time.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        depluralize = true,
        defaults = @Value.Immutable(copy = true),
        throwForInvalidImmutableState = ConfigurationException.class)
public @interface ValueStyle {
}
