package org.innofund.web.bureau;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.identity.application.People;

import java.util.HashMap;
import java.util.Map;

/**
 * The bureau's pages name staff as people — 王审核（高新技术科）, not "reviewer" (issue 9, item 5) — asking
 * {@link People} once per name and request.
 */
@Named("staff")
@RequestScoped
public class StaffNames {

    @EJB
    private People people;

    private final Map<String, String> seen = new HashMap<>();

    /** The person behind a login name as the bureau sees them; blank for none. */
    public String of(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return seen.computeIfAbsent(username, u -> people.byUsername(u).seenByBureau());
    }
}
