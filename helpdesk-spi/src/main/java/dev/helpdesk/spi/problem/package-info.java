/**
 * Problem management: a {@link dev.helpdesk.spi.problem.Problem} groups the incidents (tickets)
 * that share one root cause, moves through a {@link dev.helpdesk.spi.problem.ProblemStatus}, may
 * carry a workaround that becomes a knowledge-base article and is handed to the product's
 * developers through a {@link dev.helpdesk.spi.problem.DeveloperBridge}. Problems are kept by a
 * {@link dev.helpdesk.spi.problem.ProblemStore}; which tickets are linked to a problem is part of
 * each ticket's history ({@code problem_linked} and {@code problem_unlinked} events).
 */
@ValueStyle
package dev.helpdesk.spi.problem;

import dev.helpdesk.spi.ValueStyle;
