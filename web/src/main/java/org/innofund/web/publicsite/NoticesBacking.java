package org.innofund.web.publicsite;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.project.application.PublicNoticeView;
import org.innofund.project.application.PublicNotices;
import org.innofund.project.domain.ObjectionForm;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.util.List;

/**
 * 立项公示 for anyone: the notices and the one objection form (the project chosen among those of the notices open now).
 * Request-scoped, as every bean of a public page (see layout.xhtml).
 */
@Named
@RequestScoped
public class NoticesBacking {

    @EJB
    private PublicNotices notices;

    private List<PublicNoticeView> all;
    /** {@code noticeId:projectId} of the chosen project. */
    private String choice;
    private String name;
    private String contact;
    private String text;

    /** A project open to objections now, as the form offers it. */
    public record Choice(String value, String label) {
    }

    public List<PublicNoticeView> getNotices() {
        if (all == null) {
            all = notices.publicList();
        }
        return all;
    }

    public List<Choice> getChoices() {
        return getNotices().stream().filter(PublicNoticeView::open).flatMap(n -> n.projects().stream().map(p ->
                new Choice(n.id() + ":" + p.projectId(), p.enterpriseName() + " · " + p.projectName() + "（" + n.callTitle() + "）")))
                .toList();
    }

    public String object() {
        String[] ids = choice == null ? new String[0] : choice.split(":");
        if (ids.length != 2 || !ids[0].matches("\\d{1,18}") || !ids[1].matches("\\d{1,18}")) {
            Feedback.error(new InvalidFormException(List.of(FieldProblem.of("projectId", "objection.projectRequired"))));
            return null;
        }
        PublicNotices.Receipt[] filed = new PublicNotices.Receipt[1];
        ObjectionForm form = new ObjectionForm(Long.valueOf(ids[1]), name, contact, text);
        if (!BusinessCall.run(() -> filed[0] = notices.object(Long.valueOf(ids[0]), form))) {
            return null;
        }
        Feedback.info("notices.filed", filed[0].objectionId());
        Feedback.keepForRedirect();
        return "/notices.xhtml?faces-redirect=true";
    }

    public String getChoice() { return choice; }
    public void setChoice(String choice) { this.choice = choice; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
