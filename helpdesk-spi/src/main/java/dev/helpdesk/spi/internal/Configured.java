package dev.helpdesk.spi.internal;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How the builders of configuration values finish: the problems a builder noted while it was
 * given its parts (a zone that is not a zone, a null) and the problems the value's own checks
 * find are reported together, in one {@link ConfigurationException}. Not part of the contract.
 */
public final class Configured {
    private Configured() {
    }

    /**
     * Builds a value and reports every problem at once.
     *
     * @param what     what is being built, for the message, such as {@code business calendar "nl"}
     * @param noted    problems the builder noted on the way
     * @param build    the generated build step, which checks required parts and invariants
     * @param <T>      the value's type
     * @return the value, when there is no problem at all
     * @throws ConfigurationException naming every problem
     */
    public static <T> T build(String what, List<FieldError> noted, Supplier<T> build) {
        return build(what, noted, build, part -> false);
    }

    /**
     * Builds a value and reports every problem at once, also the value's own checks when a
     * required part was refused: the builder puts a stand-in in the refused part's place, so
     * that the checks of the other parts still run. The builder's noted problems stay, so a
     * stand-in never ends up in a value.
     *
     * @param what     what is being built, for the message
     * @param noted    problems the builder noted on the way
     * @param build    the generated build step, which checks required parts and invariants
     * @param standIn  puts a stand-in for a required part by name; false when it has none
     * @param <T>      the value's type
     * @return the value, when there is no problem at all
     * @throws ConfigurationException naming every problem
     */
    public static <T> T build(String what, List<FieldError> noted, Supplier<T> build, Predicate<String> standIn) {
        List<FieldError> all = new ArrayList<>(noted);
        T value = null;
        try {
            value = build.get();
        } catch (ConfigurationException e) {
            List<FieldError> missing = add(all, noted, e);
            boolean standsIn = !missing.isEmpty();
            for (FieldError m : missing) {
                standsIn &= names(noted, m.field()) && standIn.test(m.field());
            }
            if (standsIn) {
                try {
                    build.get();
                } catch (ConfigurationException again) {
                    add(all, noted, again);
                }
            }
        }
        if (!all.isEmpty()) {
            throw new ConfigurationException(what, all);
        }
        return value;
    }

    /** Adds a failure's errors but the "is required" of parts the builder refused; returns the missing parts. */
    private static List<FieldError> add(List<FieldError> all, List<FieldError> noted, ConfigurationException e) {
        List<FieldError> missing = new ArrayList<>();
        for (FieldError error : e.errors()) {
            boolean required = error.problem().equals("is required");
            if (required) {
                missing.add(error);
            }
            if (!(required && names(noted, error.field())) && !all.contains(error)) {
                all.add(error);
            }
        }
        if (e.errors().isEmpty()) {
            all.add(new FieldError("value", e.getMessage()));
        }
        return missing;
    }

    /**
     * Throws when a value's checks found problems.
     *
     * @param what     what is checked, for the message
     * @param problems the problems found
     * @throws ConfigurationException when there is any
     */
    public static void check(String what, List<FieldError> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(what, problems);
        }
    }

    private static boolean names(List<FieldError> errors, String field) {
        for (FieldError e : errors) {
            if (e.field().equals(field) || e.field().startsWith(field + ".") || e.field().startsWith(field + "[")) {
                return true;
            }
        }
        return false;
    }
}
