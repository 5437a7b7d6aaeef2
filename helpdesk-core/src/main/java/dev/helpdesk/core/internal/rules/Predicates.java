package dev.helpdesk.core.internal.rules;

import dev.helpdesk.spi.escalation.Condition;
import dev.helpdesk.spi.escalation.ConditionType;
import dev.helpdesk.spi.escalation.Operator;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.escalation.Vocabulary;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Tier;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns checked conditions into predicates over ticket facts once, when rules are installed,
 * so that evaluating a rule parses nothing.
 */
final class Predicates {
    private Predicates() {
    }

    /**
     * Compiles a condition the vocabulary accepted.
     *
     * @param condition  the condition
     * @param vocabulary the desk's vocabulary
     * @return the predicate
     */
    static Predicate<TicketFacts> compile(Condition condition, Vocabulary vocabulary) {
        if (condition instanceof Condition.All all) {
            List<Predicate<TicketFacts>> parts = all.conditions().stream().map(c -> compile(c, vocabulary)).toList();
            return facts -> {
                for (Predicate<TicketFacts> p : parts) {
                    if (!p.test(facts)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (condition instanceof Condition.Any any) {
            List<Predicate<TicketFacts>> parts = any.conditions().stream().map(c -> compile(c, vocabulary)).toList();
            return facts -> {
                for (Predicate<TicketFacts> p : parts) {
                    if (p.test(facts)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (condition instanceof Condition.Not not) {
            return compile(not.condition(), vocabulary).negate();
        }
        if (condition instanceof Condition.Custom custom) {
            ConditionType type = vocabulary.conditionType(custom.type())
                    .orElseThrow(() -> new IllegalStateException("unchecked condition type " + custom.type()));
            Map<String, String> parameters = custom.parameters();
            return facts -> type.test(facts, parameters);
        }
        return test((Condition.Test) condition, vocabulary);
    }

    /** Whether any test of the condition looks at the customer segment. */
    static boolean needsSegment(Condition condition) {
        if (condition instanceof Condition.All all) {
            return all.conditions().stream().anyMatch(Predicates::needsSegment);
        }
        if (condition instanceof Condition.Any any) {
            return any.conditions().stream().anyMatch(Predicates::needsSegment);
        }
        if (condition instanceof Condition.Not not) {
            return needsSegment(not.condition());
        }
        // a custom condition may look at anything it is given
        return condition instanceof Condition.Custom
                || (condition instanceof Condition.Test t && t.field().equals("segment"));
    }

    private static Predicate<TicketFacts> test(Condition.Test t, Vocabulary vocabulary) {
        Operator op = t.operator();
        List<String> values = t.values();
        switch (t.field()) {
            case "priority": {
                return ordered(op, values.stream().map(Priority::valueOf).toList(), f -> f.ticket().priority(),
                        Comparator.<Priority>naturalOrder());
            }
            case "tier": {
                return ordered(op, values.stream().map(Tier::valueOf).toList(), f -> f.ticket().tier(),
                        Comparator.<Tier>naturalOrder());
            }
            case "reopens": {
                return ordered(op, values.stream().map(Integer::valueOf).toList(), TicketFacts::reopens,
                        Comparator.<Integer>naturalOrder());
            }
            case "status": {
                Set<Status> in = EnumSet.noneOf(Status.class);
                values.forEach(v -> in.add(Status.valueOf(v)));
                return f -> in.contains(f.ticket().status());
            }
            case "channel": {
                Set<Channel> in = new HashSet<>(values.stream().map(Channel::of).toList());
                return f -> in.contains(f.ticket().channel());
            }
            case "category": {
                List<Category> in = values.stream().map(Category::of).toList();
                if (op == Operator.WITHIN) {
                    return f -> {
                        String code = f.ticket().category().code();
                        for (Category c : in) {
                            if (code.equals(c.code()) || code.startsWith(c.code() + ".")) {
                                return true;
                            }
                        }
                        return false;
                    };
                }
                Set<Category> set = new HashSet<>(in);
                return f -> set.contains(f.ticket().category());
            }
            case "group": {
                if (op == Operator.PRESENT) {
                    return f -> f.ticket().group().isPresent();
                }
                Set<GroupId> in = new HashSet<>(values.stream().map(GroupId::of).toList());
                return f -> f.ticket().group().map(in::contains).orElse(false);
            }
            case "assignee": {
                if (op == Operator.PRESENT) {
                    return f -> f.ticket().assignee().isPresent();
                }
                Set<AgentId> in = new HashSet<>(values.stream().map(AgentId::of).toList());
                return f -> f.ticket().assignee().map(in::contains).orElse(false);
            }
            case "segment": {
                if (op == Operator.PRESENT) {
                    return f -> f.segment().isPresent();
                }
                Set<CustomerSegment> in = new HashSet<>(values.stream().map(CustomerSegment::of).toList());
                return f -> f.segment().map(in::contains).orElse(false);
            }
            case "tags": {
                List<String> wanted = List.copyOf(values);
                if (op == Operator.HAS) {
                    return f -> f.tags().containsAll(wanted);
                }
                return f -> {
                    for (String tag : wanted) {
                        if (f.tags().contains(tag)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            default:
                return customField(t, vocabulary);
        }
    }

    private static Predicate<TicketFacts> customField(Condition.Test t, Vocabulary vocabulary) {
        String name = t.field().substring(Vocabulary.FIELD_PREFIX.length());
        CustomField field = vocabulary.field(name)
                .orElseThrow(() -> new IllegalStateException("unchecked custom field " + name));
        CustomField.Type type = field.type();
        if (t.operator() == Operator.PRESENT) {
            return f -> f.fields().containsKey(name);
        }
        List<String> canonical = t.values().stream().map(v -> type.canonical(v).orElseThrow()).toList();
        if (t.operator() == Operator.IS) {
            Set<String> in = Set.copyOf(canonical);
            return f -> {
                String v = f.fields().get(name);
                return v != null && in.contains(v);
            };
        }
        Comparator<String> order = type.order();
        String bound = canonical.get(0);
        Operator op = t.operator();
        return f -> {
            String v = f.fields().get(name);
            return v != null && compares(op, order.compare(v, bound));
        };
    }

    private static <T> Predicate<TicketFacts> ordered(Operator op, List<T> values, java.util.function.Function<TicketFacts, T> read,
                                                      Comparator<T> order) {
        if (op == Operator.IS) {
            Set<T> in = Set.copyOf(values);
            return f -> in.contains(read.apply(f));
        }
        T bound = values.get(0);
        return f -> compares(op, order.compare(read.apply(f), bound));
    }

    private static boolean compares(Operator op, int comparison) {
        return switch (op) {
            case ABOVE -> comparison > 0;
            case AT_LEAST -> comparison >= 0;
            case BELOW -> comparison < 0;
            case AT_MOST -> comparison <= 0;
            default -> throw new IllegalStateException("not an ordering: " + op);
        };
    }
}
