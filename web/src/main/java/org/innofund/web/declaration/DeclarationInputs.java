package org.innofund.web.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.declaration.domain.ProjectField;

import java.util.List;

/** What the editor's inputs need besides their values: the choices of each list, and when a row must be complete. */
@Named("declarationInputs")
@ApplicationScoped
public class DeclarationInputs {

    public List<ProjectField> getFields() { return List.of(ProjectField.values()); }
    public List<BudgetCategory> getCategories() { return List.of(BudgetCategory.values()); }
    public List<FundingSource> getSources() { return List.of(FundingSource.values()); }
    public List<Achievement> getAchievementKinds() { return List.of(Achievement.values()); }

    /** Rows need their fields only when the form is saved or submitted, not while lines are added or removed. */
    public boolean isCompleting() {
        String source = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("jakarta.faces.source");
        return source != null && (source.endsWith(":save") || source.endsWith(":submit"));
    }
}
