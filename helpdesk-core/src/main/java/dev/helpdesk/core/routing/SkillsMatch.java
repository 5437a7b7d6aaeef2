package dev.helpdesk.core.routing;

import dev.helpdesk.spi.routing.Candidate;
import dev.helpdesk.spi.routing.Choice;
import dev.helpdesk.spi.routing.RoutingRequest;
import dev.helpdesk.spi.routing.RoutingStrategy;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Skills, tier and language: among the candidates (who already hold the ticket's tier), those
 * with every skill the ticket calls for and who speak the customer's language when it is
 * known; the least loaded of them wins. When nobody qualifies the ticket waits, and the reason
 * names what was missing.
 */
public final class SkillsMatch implements RoutingStrategy {
    /** The strategy's name. */
    public static final String NAME = "skills";

    /** Makes the strategy; it has no state. */
    public SkillsMatch() {
        // stateless: every input comes with the request
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Choice choose(RoutingRequest request) {
        List<Candidate> skilled = request.candidates().stream()
                .filter(c -> c.agent().skills().containsAll(request.requiredSkills())).toList();
        if (skilled.isEmpty()) {
            return new Choice.Wait("nobody with room has the skills " + new TreeSet<>(request.requiredSkills()));
        }
        if (request.language().isEmpty()) {
            return LeastLoaded.pick(skilled);
        }
        Locale language = request.language().get();
        List<Candidate> speaking = skilled.stream().filter(c -> c.agent().speaks(language)).toList();
        if (speaking.isEmpty()) {
            return new Choice.Wait("nobody with room and the skills " + new TreeSet<>(request.requiredSkills())
                    + " speaks " + language.getDisplayLanguage(Locale.ENGLISH));
        }
        return LeastLoaded.pick(speaking);
    }
}
