package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Labels;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The skills a ticket of a category (or of an area of categories) calls for, for the
 * {@code skills} routing strategy. A ticket needs the skills of every requirement whose
 * category it lies within, plus one skill per tag of the form {@code skill:<name>}.
 *
 * @param category a category or an area ({@code technical} covers {@code technical.hardware})
 * @param skills   the skills, labels, at least one
 */
public record SkillRequirement(Category category, Set<String> skills) {
    /**
     * Checks the parts and freezes the set.
     *
     * @param category a category or an area ({@code technical} covers {@code technical.hardware})
     * @param skills the skills, labels, at least one
     * @throws IllegalArgumentException when there are no skills or one is not a label
     */
    public SkillRequirement {
        Objects.requireNonNull(category, "category");
        skills = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(skills));
        if (skills.isEmpty()) {
            throw new IllegalArgumentException("a skill requirement names at least one skill");
        }
        skills.forEach(s -> Labels.check("skill", s));
    }

    /**
     * A requirement.
     *
     * @param category the category or area
     * @param skills   the skills
     * @return the requirement
     */
    public static SkillRequirement of(Category category, String... skills) {
        return new SkillRequirement(category, new LinkedHashSet<>(List.of(skills)));
    }

    /**
     * Tells whether a category lies within this requirement's category or area.
     *
     * @param other a ticket's category
     * @return true when it is the same or below it
     */
    public boolean covers(Category other) {
        return other.code().equals(category.code()) || other.code().startsWith(category.code() + ".");
    }
}
