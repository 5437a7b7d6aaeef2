/**
 * Problem management's values and parts below the facade: {@link dev.helpdesk.core.problem.ProblemSettings},
 * {@link dev.helpdesk.core.problem.SuggestedProblem suggested problems} found by
 * {@link dev.helpdesk.core.problem.ProblemSuggestions} from clusters of similar tickets,
 * {@link dev.helpdesk.core.problem.InMemoryProblemStore} keeping problems in memory. The desk
 * itself is {@code dev.helpdesk.core.ProblemDesk}, reached with {@code TenantDesk.problems()}.
 */
@ValueStyle
package dev.helpdesk.core.problem;

import dev.helpdesk.spi.ValueStyle;
