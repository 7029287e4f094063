package org.innofund.web.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.declaration.domain.ProjectField;

import java.util.List;

/** The choices of the editor's lists (whether a row is complete is the submission check's to say, not the page's). */
@Named("declarationInputs")
@ApplicationScoped
public class DeclarationInputs {

    public List<ProjectField> getFields() { return List.of(ProjectField.values()); }
    public List<BudgetCategory> getCategories() { return List.of(BudgetCategory.values()); }
    public List<FundingSource> getSources() { return List.of(FundingSource.values()); }
    public List<Achievement> getAchievementKinds() { return List.of(Achievement.values()); }
}
