package dev.helpdesk.core.routing;

import dev.helpdesk.spi.routing.Candidate;
import dev.helpdesk.spi.routing.Choice;
import dev.helpdesk.spi.routing.RoutingRequest;
import dev.helpdesk.spi.routing.RoutingStrategy;
import java.util.Comparator;
import java.util.List;

/**
 * The candidate holding the fewest unsolved tickets; ties go to the one with the most room on
 * the ticket's channel, then to the lowest agent id.
 */
public final class LeastLoaded implements RoutingStrategy {
    /** The strategy's name. */
    public static final String NAME = "least-loaded";

    /** Makes the strategy; it has no state. */
    public LeastLoaded() {
        // stateless: every input comes with the request
    }

    /** The order least-loaded choices follow, shared with the skills strategy. */
    static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::load)
            .thenComparing(Comparator.comparingInt(Candidate::room).reversed())
            .thenComparing(c -> c.agent().id().value());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Choice choose(RoutingRequest request) {
        return pick(request.candidates());
    }

    static Choice pick(List<Candidate> candidates) {
        return candidates.stream().min(ORDER)
                .<Choice>map(c -> new Choice.Assign(c.agent().id()))
                .orElse(new Choice.Wait("nobody has room"));
    }
}
