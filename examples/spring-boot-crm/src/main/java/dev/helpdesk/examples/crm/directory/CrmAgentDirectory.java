package dev.helpdesk.examples.crm.directory;

import dev.helpdesk.spi.routing.AgentDirectory;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Tier;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The desk's agents are the CRM's users: the support staff work tickets in the {@code support}
 * group at their tier, with their skills and languages; account managers hold the
 * {@code account-manager} role, so an escalation rule can notify them, and are never handed
 * tickets. Read from the CRM on every call, so a change in the CRM counts at once.
 */
@Component
public class CrmAgentDirectory implements AgentDirectory {
    /** The group every member of the support staff works in. */
    public static final String SUPPORT_GROUP = "support";
    /** The role of account managers. */
    public static final String ACCOUNT_MANAGER = "account-manager";

    private final CrmRepository crm;

    /**
     * A directory on the CRM's tables.
     *
     * @param crm the CRM's repository
     */
    public CrmAgentDirectory(CrmRepository crm) {
        this.crm = crm;
    }

    @Override
    public List<AgentProfile> agents(TenantId tenant) {
        return crm.staff().stream().map(CrmAgentDirectory::profile).toList();
    }

    private static AgentProfile profile(Staff s) {
        AgentProfile.Builder agent = AgentProfile.builder(s.id()).displayName(s.name())
                .tiers(Tier.valueOf(s.tier())).languages(s.languages().toArray(String[]::new))
                .skills(s.skills().toArray(String[]::new));
        if (s.support()) {
            agent.groups(SUPPORT_GROUP).capacity(s.capacity());
        } else {
            agent.roles(ACCOUNT_MANAGER);
        }
        return agent.build();
    }
}
