package org.innofund.project.application;

import org.innofund.project.domain.Objection;
import org.innofund.project.domain.ObjectionState;

import java.io.Serializable;
import java.time.Instant;

/**
 * An objection as the reviewer answers it, with the objector's name and contact (the bureau's view only: no public
 * or enterprise answer carries this record). {@code version} goes back with the answer.
 */
public record ObjectionView(long id, long version, long noticeId, String callTitle, long projectId, String enterpriseName,
                            String projectName, String objectorName, String contact, String text, Instant filedAt,
                            ObjectionState state, String answer, String answeredBy, Instant answeredAt)
        implements Serializable {

    static ObjectionView of(Objection o, String enterpriseName, String projectName) {
        return new ObjectionView(o.getId(), o.getVersion(), o.getNotice().getId(), o.getNotice().getCallTitle(),
                o.getProjectId(), enterpriseName, projectName, o.getObjectorName(), o.getContact(), o.getText(),
                o.getFiledAt(), o.getState(), o.getAnswer(), o.getAnsweredBy(), o.getAnsweredAt());
    }

    public boolean isOpen() {
        return state == ObjectionState.OPEN;
    }
}
