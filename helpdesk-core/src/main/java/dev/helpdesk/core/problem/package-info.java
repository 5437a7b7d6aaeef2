/**
 * Problem management on the desk: {@link dev.helpdesk.core.problem.ProblemDesk} (reached with
 * {@code TenantDesk.problems()}) records problems, links incidents, computes their impact,
 * drafts the workaround as a knowledge-base article, hands problems to the developers and takes
 * their answers, and proposes {@link dev.helpdesk.core.problem.SuggestedProblem suggested problems}
 * from clusters of similar tickets; {@link dev.helpdesk.core.problem.InMemoryProblemStore} keeps
 * problems in memory.
 */
@ValueStyle
package dev.helpdesk.core.problem;

import dev.helpdesk.spi.ValueStyle;
