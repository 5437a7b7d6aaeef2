package dev.helpdesk.developer.http;

import dev.helpdesk.spi.problem.DeveloperUpdate;
import dev.helpdesk.spi.problem.ProblemId;
import dev.helpdesk.spi.problem.ProblemStatus;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what an issue tracker says back about a problem (a web hook's body the host received)
 * into a {@link DeveloperUpdate} for {@code ProblemDesk.developerUpdate}:
 * <pre>{@code
 * {"problem":"<uuid>","status":"fixed","version":"4.2.1","reference":"PROD-1234","note":"..."}
 * }</pre>
 * {@code status} is one of {@code investigating}, {@code known_error}, {@code fixed},
 * {@code closed} (case and spaces or dashes for underscores do not matter); {@code version},
 * {@code reference} and {@code note} are optional. Everything else in the object is ignored.
 */
public final class TrackerUpdates {
    /** The largest body read, in characters. */
    public static final int MAX_BODY = 64 * 1024;

    private TrackerUpdates() {
    }

    /**
     * Reads an update.
     *
     * @param body the JSON body
     * @return the update, or {@link Rejection.Invalid} naming {@code body} (not a JSON object) or
     *         every bad member ({@code problem}, {@code status}, {@code version}, {@code reference},
     *         {@code note})
     */
    public static Either<Rejection, DeveloperUpdate> read(String body) {
        if (body == null || body.isBlank()) {
            return Either.left(Rejection.Invalid.of("body", "is required"));
        }
        if (body.length() > MAX_BODY) {
            return Either.left(Rejection.Invalid.of("body", "must be at most " + MAX_BODY + " characters"));
        }
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (IllegalArgumentException e) {
            return Either.left(Rejection.Invalid.of("body", "is not JSON: " + e.getMessage()));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            return Either.left(Rejection.Invalid.of("body", "must be a JSON object"));
        }
        List<FieldError> errors = new ArrayList<>();
        ProblemId problem = null;
        if (map.get("problem") instanceof String p) {
            Either<Rejection, ProblemId> id = ProblemId.parse(p);
            if (id.isLeft()) {
                errors.add(new FieldError("problem", "is not a problem id"));
            } else {
                problem = id.get();
            }
        } else {
            errors.add(new FieldError("problem", "is required"));
        }
        ProblemStatus status = null;
        if (map.get("status") instanceof String s) {
            String code = s.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (List.of("INVESTIGATING", "KNOWN_ERROR", "FIXED", "CLOSED").contains(code)) {
                status = ProblemStatus.valueOf(code);
            } else {
                errors.add(new FieldError("status", "must be investigating, known_error, fixed or closed, not " + Json.quote(s)));
            }
        } else {
            errors.add(new FieldError("status", "is required"));
        }
        Optional<String> version = text(map, "version", 200, errors);
        Optional<String> reference = text(map, "reference", 200, errors);
        Optional<String> note = text(map, "note", 8000, errors);
        if (!errors.isEmpty()) {
            return Either.left(new Rejection.Invalid(errors));
        }
        return Either.right(new DeveloperUpdate(problem, status, version, reference, note.orElse("")));
    }

    private static Optional<String> text(Map<?, ?> map, String member, int max, List<FieldError> errors) {
        Object v = map.get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            errors.add(new FieldError(member, "must be a string"));
            return Optional.empty();
        }
        if (s.length() > max) {
            errors.add(new FieldError(member, "must be at most " + max + " characters"));
            return Optional.empty();
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
