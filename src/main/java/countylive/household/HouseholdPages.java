package countylive.household;

import countylive.access.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.audit.RecordType;
import countylive.web.RecordNotFoundException;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    HouseholdPages(HouseholdRepository households, LinkRepository links, AuditTrail audit) {
        this.households = households;
        this.links = links;
        this.audit = audit;
    }

    /** @throws RecordNotFoundException for an unknown id and another county's household */
    Household editable(CurrentUser user, long id) {
        return households.findById(id).filter(h -> user.mayEdit(h.countyCode()))
                .orElseThrow(() -> new RecordNotFoundException("household", id));
    }

    Map<String, Object> showModel(CurrentUser user, Household household) {
        List<LinkRepository.Option> campaigns = links.campaignsOf(household.countyCode());
        Map<String, Object> model = new HashMap<>();
        model.put("household", household);
        model.put("countyName", HouseholdRepository.nameOf(households.counties(List.of(household.countyCode())),
                household.countyCode()));
        model.put("links", links.linksOf(household.id()));
        model.put("campaigns", campaigns.stream().filter(c -> !c.closed()).toList());
        model.put("products", links.productsOf(household.countyCode()));
        model.put("mayEdit", user.mayEdit(household.countyCode()));
        model.put("history", audit.historyOf(RecordType.HOUSEHOLD, household.id()));
        model.put("linkHistory", audit.historyUnder(RecordType.HOUSEHOLD, household.id(), RecordType.BENEFICIARY_LINK));
        return model;
    }
}
