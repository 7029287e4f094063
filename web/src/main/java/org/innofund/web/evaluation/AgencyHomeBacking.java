package org.innofund.web.evaluation;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.evaluation.application.AssignmentGroup;
import org.innofund.evaluation.application.AssignmentView;
import org.innofund.evaluation.application.Assignments;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The agency's workspace: its assignments by where they stand (overdue first), each soonest due first. */
@Named
@RequestScoped
public class AgencyHomeBacking {

    /** One group of the work list with its assignments (possibly none). */
    public record Group(AssignmentGroup group, List<AssignmentView> assignments) {
    }

    @EJB
    private Assignments assignments;

    private List<Group> groups;

    public List<Group> getGroups() {
        if (groups == null) {
            Map<AssignmentGroup, List<AssignmentView>> by = assignments.mine(null, null).stream()
                    .collect(Collectors.groupingBy(AssignmentGroup::of, () -> new EnumMap<>(AssignmentGroup.class),
                            Collectors.toList()));
            groups = Arrays.stream(AssignmentGroup.values()).map(g -> new Group(g, by.getOrDefault(g, List.of()))).toList();
        }
        return groups;
    }

    public boolean isNothingAssigned() {
        return getGroups().stream().allMatch(g -> g.assignments().isEmpty());
    }
}
