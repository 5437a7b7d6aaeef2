package dev.helpdesk.spi.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Tier;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AgentProfileTest {

    @Test
    void a_profile_made_in_code_names_every_bad_field_at_build() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> AgentProfile.builder("ana ")
                .groups("billing", "bad\ngroup").skills("sepa", "no spaces").roles("super visor")
                .languages("nl", "").capacity(Channel.EMAIL, AgentProfile.MAX_CAPACITY + 1).build());

        assertEquals(List.of("id", "groups", "skills", "roles", "languages", "tiers", "capacity.EMAIL"),
                e.errors().stream().map(FieldError::field).toList(), e.getMessage());
    }

    @Test
    void a_profile_without_tiers_is_refused_because_routing_would_never_give_it_a_ticket() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AgentProfile.builder("sam").roles("supervisor").build());
        assertTrue(e.names("tiers"), e.getMessage());
        assertTrue(e.getMessage().startsWith("agent profile \"sam\" is not valid"), e.getMessage());
    }

    @Test
    void the_builder_and_a_copy_check_the_same_rules() {
        AgentProfile ana = AgentProfile.builder("ana").tiers(Tier.L1).capacity(Channel.EMAIL, 3).build();

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AgentProfile.builder("ana").tiers(Tier.L1).capacity(Channel.EMAIL, -1).build());
        assertTrue(e.names("capacity.EMAIL"), e.getMessage());
        ConfigurationException copy = assertThrows(ConfigurationException.class,
                () -> AgentProfile.builder("ana").from(ana).displayName(" ").build());
        assertTrue(copy.names("displayName"), copy.getMessage());
        assertFalse(ana.withAvailable(false).available());
    }

    @Test
    void a_profile_has_sensible_defaults() {
        AgentProfile ana = AgentProfile.builder("ana").tiers(Tier.L1).groups("billing").languages("nl", "en").build();

        assertEquals("ana", ana.displayName());
        assertTrue(ana.available());
        assertFalse(ana.urgentOnlyOffHours());
        assertEquals(new Locale("nl"), ana.locale());
        assertEquals(0, ana.capacityOn(Channel.PHONE));
        assertEquals(List.of(GroupId.of("billing")), List.copyOf(ana.groups()));
    }

    @Test
    void group_routing_is_checked_at_build() {
        GroupRouting automatic = GroupRouting.automatic("billing", "round-robin");
        assertTrue(automatic.assignOnOpen() && automatic.assignAfterEscalation());

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> GroupRouting.automatic(" billing", "no such strategy"));
        assertEquals(List.of("group", "strategy"), e.errors().stream().map(FieldError::field).toList(), e.getMessage());
        assertTrue(assertThrows(ConfigurationException.class, () -> GroupRouting.builder().build()).names("strategy"));
    }
}
