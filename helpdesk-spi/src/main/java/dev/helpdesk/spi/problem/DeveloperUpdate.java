package dev.helpdesk.spi.problem;

import java.util.Objects;
import java.util.Optional;

/**
 * What the developers' issue tracker says about a problem handed to it.
 *
 * @param problem   the problem
 * @param status    the status it implies: {@link ProblemStatus#INVESTIGATING},
 *                  {@link ProblemStatus#KNOWN_ERROR}, {@link ProblemStatus#FIXED} or
 *                  {@link ProblemStatus#CLOSED}
 * @param version   the version that fixes it, for {@code FIXED}
 * @param reference the tracker's reference of the issue, if it tells one
 * @param note      the developers' words, possibly empty
 */
public record DeveloperUpdate(ProblemId problem, ProblemStatus status, Optional<String> version, Optional<String> reference,
                              String note) {
    /**
     * Checks every part is present.
     *
     * @param problem the problem
     * @param status the status it implies: {@link ProblemStatus#INVESTIGATING}, {@link ProblemStatus#KNOWN_ERROR}, {@link ProblemStatus#FIXED} or {@link ProblemStatus#CLOSED}
     * @param version the version that fixes it, for {@code FIXED}
     * @param reference the tracker's reference of the issue, if it tells one
     * @param note the developers' words, possibly empty
     */
    public DeveloperUpdate {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(note, "note");
    }

    /**
     * "Fixed in version X".
     *
     * @param problem the problem
     * @param version the version
     * @return the update
     */
    public static DeveloperUpdate fixedIn(ProblemId problem, String version) {
        return new DeveloperUpdate(problem, ProblemStatus.FIXED, Optional.of(version), Optional.empty(), "");
    }
}
