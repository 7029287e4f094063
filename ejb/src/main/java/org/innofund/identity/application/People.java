package org.innofund.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.identity.domain.UserAccount;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Who did something, as people: other contexts store a user name (a call's preparer and publisher, a declaration's
 * handler) and ask here for the name and department to show. One query per page of a list, never one per row.
 * Open to every caller like {@link CurrentUser}: it is a lookup for views whose own service already decided who may
 * see the record, and the view decides how much of the person to show ({@link PersonView#seenByEnterprise}).
 */
@Stateless
@PermitAll
public class People {

    /** Oracle's limit for an IN list. */
    static final int NAMES_PER_QUERY = 1000;

    @PersistenceContext
    private EntityManager em;

    /** Each of these user names (nulls skipped) with its person, in the order given; an unknown name as itself. */
    public Map<String, PersonView> byUsernames(Collection<String> usernames) {
        List<String> names = usernames.stream().filter(Objects::nonNull).map(UserAccount::normalise).distinct().toList();
        Map<String, PersonView> found = find("u.username", names, UserAccount::getUsername);
        Map<String, PersonView> result = new LinkedHashMap<>();
        for (String name : names) {
            result.put(name, found.getOrDefault(name, PersonView.unknown(name)));
        }
        return result;
    }

    /** Each of these user ids that belongs to an account, with its person. */
    public Map<Long, PersonView> byIds(Collection<Long> ids) {
        return find("u.id", ids.stream().filter(Objects::nonNull).distinct().toList(), UserAccount::getId);
    }

    /** One person by user name (an unknown name as itself). */
    public PersonView byUsername(String username) {
        return byUsernames(List.of(username)).get(UserAccount.normalise(username));
    }

    private <K> Map<K, PersonView> find(String attribute, List<K> keys, Function<UserAccount, K> key) {
        Map<K, PersonView> found = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += NAMES_PER_QUERY) {
            List<K> slice = new ArrayList<>(keys.subList(from, Math.min(keys.size(), from + NAMES_PER_QUERY)));
            em.createQuery("select u from UserAccount u where " + attribute + " in :keys", UserAccount.class)
                    .setParameter("keys", slice).getResultStream().forEach(u -> found.put(key.apply(u), PersonView.of(u)));
        }
        return found;
    }
}
