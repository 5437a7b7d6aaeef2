package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rules to plain values and back. Writing is total; reading collects every problem with its
 * path instead of stopping at the first, so a form can show them all.
 */
final class PlainValues {
    private PlainValues() {
    }

    // ---- writing ----------------------------------------------------------------------------

    static Map<String, Object> write(EscalationRule rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", rule.name());
        m.put("reason", rule.reason());
        m.put("trigger", trigger(rule.trigger()));
        m.put("condition", condition(rule.condition()));
        m.put("actions", rule.actions().stream().map(PlainValues::action).toList());
        return m;
    }

    private static Map<String, Object> trigger(Trigger t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", t.kind());
        if (t instanceof Trigger.OnEvent e) {
            m.put("event", e.event().code());
        } else if (t instanceof Trigger.SlaWarning w) {
            m.put("clock", w.clock().name());
            m.put("minimum_percent", w.minimumPercent());
        } else if (t instanceof Trigger.SlaBreach b) {
            m.put("clock", b.clock().name());
        } else if (t instanceof Trigger.Idle i) {
            m.put("status", i.status().name());
            m.put("after", i.after().toString());
        } else if (t instanceof Trigger.Unassigned u) {
            m.put("after", u.after().toString());
        } else if (t instanceof Trigger.ReopenedTimes r) {
            m.put("times", r.times());
        }
        return m;
    }

    private static Map<String, Object> condition(Condition c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c instanceof Condition.All a) {
            m.put("all", a.conditions().stream().map(PlainValues::condition).toList());
        } else if (c instanceof Condition.Any a) {
            m.put("any", a.conditions().stream().map(PlainValues::condition).toList());
        } else if (c instanceof Condition.Not n) {
            m.put("not", condition(n.condition()));
        } else if (c instanceof Condition.Test t) {
            m.put("field", t.field());
            m.put("operator", t.operator().code());
            m.put("values", List.copyOf(t.values()));
        } else if (c instanceof Condition.Custom x) {
            m.put("custom", x.type());
            m.put("parameters", new TreeMap<>(x.parameters()));
        }
        return m;
    }

    private static Map<String, Object> action(Action a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.kind());
        if (a instanceof Action.RaiseTier r) {
            r.to().ifPresent(t -> m.put("to", t.name()));
        } else if (a instanceof Action.SetGroup g) {
            m.put("group", g.group().value());
        } else if (a instanceof Action.SetPriority p) {
            m.put("priority", p.priority().name());
        } else if (a instanceof Action.Route r) {
            r.strategy().ifPresent(s -> m.put("strategy", s));
        } else if (a instanceof Action.AssignTo t) {
            m.put("agent", t.agent().value());
        } else if (a instanceof Action.NotifyRole n) {
            m.put("role", n.role());
            m.put("urgent", n.urgent());
        } else if (a instanceof Action.NotifyAgent n) {
            n.agent().ifPresent(x -> m.put("agent", x.value()));
            m.put("urgent", n.urgent());
        } else if (a instanceof Action.AddTag t) {
            m.put("tag", t.tag());
        } else if (a instanceof Action.AddNote n) {
            m.put("text", n.text());
        } else if (a instanceof Action.Custom x) {
            m.put("type", x.type());
            m.put("parameters", new TreeMap<>(x.parameters()));
        }
        return m;
    }

    // ---- reading ----------------------------------------------------------------------------

    static Either<Rejection, EscalationRule> read(Map<String, ?> values) {
        Reader r = new Reader();
        if (values == null) {
            return Either.left(Rejection.Invalid.of("rule", "is required"));
        }
        String name = r.text(values, "name", "name");
        String reason = r.text(values, "reason", "reason");
        Trigger trigger = r.trigger(r.map(values, "trigger", "trigger"));
        Object rawCondition = values.get("condition");
        Condition condition = rawCondition == null ? Condition.always() : r.condition("condition", rawCondition, 1);
        List<Action> actions = new ArrayList<>();
        Object rawActions = values.get("actions");
        if (!(rawActions instanceof List<?> list)) {
            r.error("actions", "must be a list of actions");
        } else {
            for (int i = 0; i < list.size(); i++) {
                Action a = r.action("actions[" + i + "]", list.get(i));
                if (a != null) {
                    actions.add(a);
                }
            }
        }
        if (!r.errors.isEmpty()) {
            return Either.left(new Rejection.Invalid(r.errors));
        }
        // custom fields and types are the desk's: it checks them when it installs the rule
        EscalationRule.Builder rule = new EscalationRule.Builder();
        rule.name(name).trigger(trigger).condition(condition).actions(actions).reason(reason);
        return Vocabulary.open().check(rule.unchecked());
    }

    private static final class Reader {
        final List<FieldError> errors = new ArrayList<>();

        void error(String path, String problem) {
            errors.add(new FieldError(path, problem));
        }

        String text(Map<String, ?> m, String key, String path) {
            Object v = m.get(key);
            if (v instanceof String s) {
                return s;
            }
            error(path, v == null ? "is required" : "must be a text");
            return null;
        }

        Map<String, ?> map(Map<String, ?> m, String key, String path) {
            Object v = m.get(key);
            return asMap(v, path);
        }

        @SuppressWarnings("unchecked")
        Map<String, ?> asMap(Object v, String path) {
            if (v instanceof Map<?, ?> map) {
                return (Map<String, ?>) map;
            }
            error(path, v == null ? "is required" : "must be a map");
            return null;
        }

        Integer integer(Map<String, ?> m, String key, String path) {
            Object v = m.get(key);
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.intValue();
            }
            if (v instanceof String s) {
                try {
                    return Integer.valueOf(s.trim());
                } catch (NumberFormatException e) {
                    // falls through to the error below
                }
            }
            error(path, v == null ? "is required" : "must be a whole number");
            return null;
        }

        boolean flag(Map<String, ?> m, String key, String path) {
            Object v = m.get(key);
            if (v == null) {
                return false;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s);
            }
            error(path, "must be true or false");
            return false;
        }

        Duration duration(Map<String, ?> m, String key, String path) {
            String s = text(m, key, path);
            if (s == null) {
                return null;
            }
            try {
                Duration d = Duration.parse(s);
                if (d.isNegative() || d.isZero() || d.compareTo(Triggers.LONGEST) > 0) {
                    error(path, "must be positive and at most a year");
                    return null;
                }
                return d;
            } catch (DateTimeParseException e) {
                error(path, "must be an ISO-8601 duration such as PT4H");
                return null;
            }
        }

        <E extends Enum<E>> E choice(Class<E> type, Map<String, ?> m, String key, String path) {
            String s = text(m, key, path);
            if (s == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (E c : type.getEnumConstants()) {
                    names.add(c.name().toLowerCase(Locale.ROOT));
                }
                error(path, "'" + s + "' is not one of " + String.join(", ", names));
                return null;
            }
        }

        Trigger trigger(Map<String, ?> m) {
            if (m == null) {
                return null;
            }
            String kind = text(m, "kind", "trigger.kind");
            if (kind == null) {
                return null;
            }
            try {
                switch (kind) {
                    case "event": {
                        TicketTrigger e = choice(TicketTrigger.class, m, "event", "trigger.event");
                        return e == null ? null : new Trigger.OnEvent(e);
                    }
                    case "sla_warning": {
                        ClockKind clock = choice(ClockKind.class, m, "clock", "trigger.clock");
                        Integer percent = m.containsKey("minimum_percent")
                                ? integer(m, "minimum_percent", "trigger.minimum_percent") : Integer.valueOf(1);
                        if (percent != null && (percent < 1 || percent > 99)) {
                            error("trigger.minimum_percent", "must be 1-99");
                            return null;
                        }
                        return clock == null || percent == null ? null : new Trigger.SlaWarning(clock, percent);
                    }
                    case "sla_breach": {
                        ClockKind clock = choice(ClockKind.class, m, "clock", "trigger.clock");
                        return clock == null ? null : new Trigger.SlaBreach(clock);
                    }
                    case "idle": {
                        Status status = choice(Status.class, m, "status", "trigger.status");
                        Duration after = duration(m, "after", "trigger.after");
                        if (status != null && status.isFinal()) {
                            error("trigger.status", "nothing happens to a " + status + " ticket");
                            return null;
                        }
                        return status == null || after == null ? null : new Trigger.Idle(status, after);
                    }
                    case "unassigned": {
                        Duration after = duration(m, "after", "trigger.after");
                        return after == null ? null : new Trigger.Unassigned(after);
                    }
                    case "reopened_times": {
                        Integer times = integer(m, "times", "trigger.times");
                        if (times != null && (times < 1 || times > 1000)) {
                            error("trigger.times", "must be 1-1000");
                            return null;
                        }
                        return times == null ? null : new Trigger.ReopenedTimes(times);
                    }
                    default:
                        error("trigger.kind", "unknown trigger kind '" + kind
                                + "'; known: event, sla_warning, sla_breach, idle, unassigned, reopened_times");
                        return null;
                }
            } catch (IllegalArgumentException e) {
                error("trigger", e.getMessage());
                return null;
            }
        }

        Condition condition(String path, Object raw, int depth) {
            Map<String, ?> m = asMap(raw, path);
            if (m == null) {
                return null;
            }
            if (depth > Vocabulary.MAX_CONDITION_DEPTH) {
                error(path, "conditions nest at most " + Vocabulary.MAX_CONDITION_DEPTH + " deep");
                return null;
            }
            if (m.containsKey("all") || m.containsKey("any")) {
                boolean all = m.containsKey("all");
                String key = all ? "all" : "any";
                Object list = m.get(key);
                if (!(list instanceof List<?> items)) {
                    error(path + "." + key, "must be a list of conditions");
                    return null;
                }
                List<Condition> parts = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    Condition c = condition(path + "." + key + "[" + i + "]", items.get(i), depth + 1);
                    if (c != null) {
                        parts.add(c);
                    }
                }
                return all ? new Condition.All(parts) : new Condition.Any(parts);
            }
            if (m.containsKey("not")) {
                Condition inner = condition(path + ".not", m.get("not"), depth + 1);
                return inner == null ? null : new Condition.Not(inner);
            }
            if (m.containsKey("custom")) {
                String type = text(m, "custom", path + ".custom");
                Map<String, String> parameters = parameters(m, path + ".parameters");
                return type == null || parameters == null ? null : new Condition.Custom(type, parameters);
            }
            if (m.containsKey("field")) {
                String field = text(m, "field", path + ".field");
                Operator op = choice(Operator.class, m, "operator", path + ".operator");
                Object rawValues = m.get("values");
                List<String> values = new ArrayList<>();
                if (rawValues instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        Object v = list.get(i);
                        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                            values.add(String.valueOf(v));
                        } else {
                            error(path + ".values[" + i + "]", "must be a text, a number or a flag");
                        }
                    }
                } else if (rawValues != null) {
                    error(path + ".values", "must be a list");
                }
                return field == null || op == null ? null : new Condition.Test(field, op, values);
            }
            error(path, "must hold one of all, any, not, field, custom");
            return null;
        }

        /** An id read from a text, or null with the problem noted at the path. */
        <T> T id(Either<Rejection, T> parsed, String path) {
            if (parsed.isLeft()) {
                Rejection r = parsed.getLeft();
                if (r instanceof Rejection.Invalid invalid) {
                    invalid.errors().forEach(e -> error(path, e.problem()));
                } else {
                    error(path, r.message());
                }
                return null;
            }
            return parsed.get();
        }

                Map<String, String> parameters(Map<String, ?> m, String path) {
            Object raw = m.get("parameters");
            if (raw == null) {
                return Map.of();
            }
            if (!(raw instanceof Map<?, ?> map)) {
                error(path, "must be a map of texts");
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String k) || e.getValue() == null) {
                    error(path, "must be a map of texts");
                    return null;
                }
                out.put(k, String.valueOf(e.getValue()));
            }
            return out;
        }

        Action action(String path, Object raw) {
            Map<String, ?> m = asMap(raw, path);
            if (m == null) {
                return null;
            }
            String kind = text(m, "kind", path + ".kind");
            if (kind == null) {
                return null;
            }
            try {
                switch (kind) {
                    case "raise_tier":
                        if (m.get("to") == null) {
                            return new Action.RaiseTier(Optional.empty());
                        }
                        Tier to = choice(Tier.class, m, "to", path + ".to");
                        return to == null ? null : new Action.RaiseTier(Optional.of(to));
                    case "set_group": {
                        String g = text(m, "group", path + ".group");
                        GroupId group = g == null ? null : id(GroupId.parse(g), path + ".group");
                        return group == null ? null : new Action.SetGroup(group);
                    }
                    case "set_priority": {
                        Priority p = choice(Priority.class, m, "priority", path + ".priority");
                        return p == null ? null : new Action.SetPriority(p);
                    }
                    case "route":
                        return new Action.Route(m.get("strategy") == null ? Optional.empty()
                                : Optional.ofNullable(text(m, "strategy", path + ".strategy")));
                    case "assign_to": {
                        String a = text(m, "agent", path + ".agent");
                        AgentId agent = a == null ? null : id(AgentId.parse(a), path + ".agent");
                        return agent == null ? null : new Action.AssignTo(agent);
                    }
                    case "notify_role": {
                        String role = text(m, "role", path + ".role");
                        boolean urgent = flag(m, "urgent", path + ".urgent");
                        return role == null ? null : new Action.NotifyRole(role, urgent);
                    }
                    case "notify_agent": {
                        if (m.get("agent") == null) {
                            return new Action.NotifyAgent(Optional.empty(), flag(m, "urgent", path + ".urgent"));
                        }
                        String a = text(m, "agent", path + ".agent");
                        AgentId agent = a == null ? null : id(AgentId.parse(a), path + ".agent");
                        boolean urgent = flag(m, "urgent", path + ".urgent");
                        return agent == null ? null : new Action.NotifyAgent(Optional.of(agent), urgent);
                    }
                    case "notify_customer":
                        return new Action.NotifyCustomer();
                    case "add_tag": {
                        String tag = text(m, "tag", path + ".tag");
                        return tag == null ? null : new Action.AddTag(tag);
                    }
                    case "add_note": {
                        String text = text(m, "text", path + ".text");
                        return text == null ? null : new Action.AddNote(text);
                    }
                    case "custom": {
                        String type = text(m, "type", path + ".type");
                        Map<String, String> parameters = parameters(m, path + ".parameters");
                        return type == null || parameters == null ? null : new Action.Custom(type, parameters);
                    }
                    default:
                        error(path + ".kind", "unknown action kind '" + kind + "'; known: raise_tier, set_group, "
                                + "set_priority, route, assign_to, notify_role, notify_agent, notify_customer, add_tag, "
                                + "add_note, custom");
                        return null;
                }
            } catch (IllegalArgumentException e) {
                error(path, e.getMessage());
                return null;
            }
        }
    }
}
