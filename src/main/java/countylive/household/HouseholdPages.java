package countylive.household;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.audit.RecordType;
import countylive.campaign.SignOffs;
import countylive.web.RecordNotFoundException;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds households the way their pages may see them, and builds the household page's model
 * (shared by the household and the link controllers, as the link form lives on that page).
 * A household of a county the coordinator does not have is answered as if it did not exist.
 */
@Singleton
class HouseholdPages {

    private final HouseholdRepository households;
    private final LinkRepository links;
    private final AuditTrail audit;
    private final SignOffs signOffs;

    HouseholdPages(HouseholdRepository households, LinkRepository links, AuditTrail audit, SignOffs signOffs) {
        this.households = households;
        this.links = links;
        this.audit = audit;
        this.signOffs = signOffs;
    }

    /** @throws RecordNotFoundException for an unknown id and another county's household */
    Household editable(CurrentUser user, long id) {
        return households.findById(id).filter(h -> user.mayEdit(h.countyCode()))
                .orElseThrow(() -> new RecordNotFoundException("household", id));
    }

    Map<String, Object> showModel(CurrentUser user, Household household) {
        List<LinkRepository.Option> campaigns = links.campaignsOf(household.countyCode());
        List<LinkRepository.LinkRow> linked = links.linksOf(household.id());
        // the campaigns in which the sign-off holds this county's data back from the user: their
        // links cannot change, and no new link can be made in them
        Set<Long> held = signOffs.heldBackCampaigns(user, household.countyCode());
        Map<String, Object> model = new HashMap<>();
        model.put("heldCampaigns", held);
        model.put("household", household);
        model.put("countyName", HouseholdRepository.nameOf(households.counties(List.of(household.countyCode())),
                household.countyCode()));
        model.put("links", linked);
        model.put("campaigns", campaigns.stream().filter(c -> !c.closed() && !held.contains(c.id())).toList());
        model.put("products", links.productsOf(household.countyCode()));
        model.put("mayEdit", user.mayEdit(household.countyCode()));
        model.put("history", audit.historyOf(RecordType.HOUSEHOLD, household.id()));
        model.put("linkHistory", audit.historyUnder(RecordType.HOUSEHOLD, household.id(), RecordType.BENEFICIARY_LINK));
        return model;
    }
}
