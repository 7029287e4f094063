package org.innofund.web.payment;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.Recoveries;
import org.innofund.payment.application.RecoveryView;
import org.innofund.payment.domain.RecoveryState;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * 追回 for the bureau (finance, approver, reviewer pages): the recoveries the filter finds, loaded page by page as the
 * paginator asks. The dialogs that change one are {@link RepaymentBacking} and {@link BlockReleaseBacking}.
 */
@Named
@ViewScoped
public class RecoveriesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Recoveries recoveries;

    private RecoveryState state;
    private boolean overdue;
    private String enterprise;
    private final Rows rows = new Rows();

    public RecoveryState[] getStates() {
        return RecoveryState.values();
    }

    public LazyDataModel<RecoveryView> getRows() {
        return rows;
    }

    public RecoveryState getState() {
        return state;
    }

    public void setState(RecoveryState state) {
        this.state = state;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public void setOverdue(boolean overdue) {
        this.overdue = overdue;
    }

    public String getEnterprise() {
        return enterprise;
    }

    public void setEnterprise(String enterprise) {
        this.enterprise = enterprise;
    }

    /** The page of recoveries the filter finds, asked of the service as the paginator turns. */
    private final class Rows extends LazyDataModel<RecoveryView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, recoveries.list(state, overdue, enterprise, 0, 1).total());
        }

        @Override
        public List<RecoveryView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                       Map<String, FilterMeta> filterBy) {
            int size = Math.min(Math.max(1, pageSize), Recoveries.MAX_PAGE_SIZE);
            return recoveries.list(state, overdue, enterprise, Math.max(0, first) / size, size).items();
        }

        @Override
        public String getRowKey(RecoveryView recovery) {
            return Long.toString(recovery.id());
        }

        @Override
        public RecoveryView getRowData(String rowKey) {
            return null;
        }
    }
}
