package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An editable table of the draft call page: rows filled from the call {@link CallEditBacking} holds, saved through it,
 * so that each section names the version the page holds and sees the others' saves.
 */
abstract class CallSection<R extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    protected CallAdministration administration;

    @Inject
    protected CallEditBacking edit;

    private List<R> rows = new ArrayList<>();

    @PostConstruct
    void load() {
        if (edit.getCall() != null) {
            fill();
        }
    }

    /** The rows as the call now has them. */
    protected final void fill() {
        rows = new ArrayList<>(rowsOf(edit.getCall()));
    }

    protected abstract List<R> rowsOf(CallDetail call);

    /** Saves the whole table as the change makes it; the rows then show the call as saved. */
    protected void saveRows(Supplier<CallDetail> change) {
        if (edit.save(change)) {
            fill();
        }
    }

    public List<R> getRows() { return rows; }
}
