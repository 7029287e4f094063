package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.CallStatus;
import org.innofund.shared.Clocks;
import org.innofund.shared.FileType;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Editing a draft call, section by section; each save names the version the page holds, so a change made by someone
 * else in between is refused (and the page offers a reload) instead of being overwritten. A published call is read-only.
 */
@Named
@ViewScoped
public class CallEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A row of the editable required-attachments table. */
    public static class RequirementRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private boolean required = true;
        private List<String> types = new ArrayList<>(List.of(FileType.PDF.name()));

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean v) { required = v; }
        public List<String> getTypes() { return types; }
        public void setTypes(List<String> v) { types = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    }

    /** A row of the editable scoring template. */
    public static class IndicatorRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private Integer weight;

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public Integer getWeight() { return weight; }
        public void setWeight(Integer v) { weight = v; }
    }

    /** A rule parameter with the value being edited and the value saved. */
    public static class ParameterRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final BigDecimal saved;
        private BigDecimal value;

        ParameterRow(String name, BigDecimal saved) {
            this.name = name;
            this.saved = saved;
            this.value = saved;
        }

        public boolean isChanged() {
            return value != null && value.compareTo(saved) != 0;
        }

        public String getName() { return name; }
        public BigDecimal getSaved() { return saved; }
        public BigDecimal getValue() { return value; }
        public void setValue(BigDecimal v) { value = v; }
    }

    @EJB
    private CallAdministration administration;

    @Inject
    @Param(name = "id")
    private Long id;

    private CallDetail call;
    private boolean stale;

    // basic data, times as Beijing wall-clock times
    private String title;
    private Integer year;
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private BigDecimal budget;
    private BigDecimal maxRequest;
    private String guide;

    private List<RequirementRow> requirements;
    private List<IndicatorRow> indicators;
    private List<ParameterRow> parameters;

    @PostConstruct
    void load() {
        if (id != null && BusinessCall.run(() -> call = administration.call(id))) {
            stale = false;
            fillBasics();
            fillRequirements();
            fillIndicators();
            fillParameters();
        }
    }

    private void fillBasics() {
        title = call.title();
        year = call.year();
        opensAt = LocalDateTime.ofInstant(call.opensAt(), Clocks.BUREAU_ZONE);
        closesAt = LocalDateTime.ofInstant(call.closesAt(), Clocks.BUREAU_ZONE);
        budget = call.budget().amount();
        maxRequest = call.maxRequest() == null ? null : call.maxRequest().amount();
        guide = call.guide();
    }

    private void fillRequirements() {
        requirements = new ArrayList<>();
        for (CallDetail.Requirement r : call.requiredAttachments()) {
            RequirementRow row = new RequirementRow();
            row.setName(r.name());
            row.setRequired(r.required());
            row.setTypes(r.allowedTypes() == null || r.allowedTypes().isBlank() ? List.of() : Arrays.asList(r.allowedTypes().split(",")));
            requirements.add(row);
        }
    }

    private void fillIndicators() {
        indicators = new ArrayList<>();
        for (CallDetail.Indicator i : call.scoringTemplate()) {
            IndicatorRow row = new IndicatorRow();
            row.setName(i.name());
            row.setWeight(i.weight());
            indicators.add(row);
        }
    }

    private void fillParameters() {
        parameters = new ArrayList<>();
        call.ruleParameters().forEach((name, value) -> parameters.add(new ParameterRow(name, value)));
    }

    public void saveBasics() {
        if (save(() -> administration.revise(id, call.version(), title, year == null ? 0 : year,
                opensAt.atZone(Clocks.BUREAU_ZONE).toInstant(), closesAt.atZone(Clocks.BUREAU_ZONE).toInstant(),
                budget, maxRequest, guide))) {
            fillBasics();
        }
    }

    public void addRequirement() {
        requirements.add(new RequirementRow());
    }

    public void removeRequirement(RequirementRow row) {
        requirements.remove(row);
    }

    public void saveRequirements() {
        List<CallDetail.Requirement> list = requirements.stream()
                .map(r -> new CallDetail.Requirement(r.getName(), r.isRequired(), String.join(",", r.getTypes()))).toList();
        if (save(() -> administration.replaceRequiredAttachments(id, call.version(), list))) {
            fillRequirements();
        }
    }

    public void addIndicator() {
        indicators.add(new IndicatorRow());
    }

    public void removeIndicator(IndicatorRow row) {
        indicators.remove(row);
    }

    /** The live sum of the weights while they are typed; the service refuses a template that does not sum to 100. */
    public int getWeightSum() {
        return indicators.stream().map(IndicatorRow::getWeight).filter(w -> w != null).mapToInt(Integer::intValue).sum();
    }

    public void saveTemplate() {
        List<CallDetail.Indicator> list = indicators.stream()
                .map(i -> new CallDetail.Indicator(i.getName(), i.getWeight() == null ? 0 : i.getWeight())).toList();
        if (save(() -> administration.replaceScoringTemplate(id, call.version(), list))) {
            fillIndicators();
        }
    }

    public void saveParameter(ParameterRow row) {
        if (!row.isChanged()) {
            Feedback.info("callEdit.parameterUnchanged", row.getName());
            return;
        }
        if (save(() -> administration.changeParameter(id, call.version(), row.getName(), row.getValue()), false)) {
            Feedback.info("callEdit.parameterSaved", row.getName());
            keepEditedParameters();
        }
    }

    /** Saves every changed parameter, one after the other; stops at the first refusal (those before it are saved). */
    public void saveAllParameters() {
        int saved = 0;
        for (ParameterRow row : parameters) {
            if (row.isChanged()) {
                if (!save(() -> administration.changeParameter(id, call.version(), row.getName(), row.getValue()), false)) {
                    break;
                }
                saved++;
            }
        }
        if (saved > 0) {
            Feedback.info("callEdit.parametersSaved", saved);
        } else if (!stale && parameters.stream().noneMatch(ParameterRow::isChanged)) {
            Feedback.info("callEdit.parametersUnchanged");
        }
        keepEditedParameters();
    }

    /** The saved values as the call now has them; edits not saved yet stay as typed. */
    private void keepEditedParameters() {
        Map<String, BigDecimal> pending = new HashMap<>();
        parameters.stream().filter(ParameterRow::isChanged).forEach(r -> pending.put(r.getName(), r.getValue()));
        fillParameters();
        parameters.stream().filter(r -> pending.containsKey(r.getName())).forEach(r -> r.setValue(pending.get(r.getName())));
    }

    private boolean save(Supplier<CallDetail> change) {
        return save(change, true);
    }

    private boolean save(Supplier<CallDetail> change, boolean sayIt) {
        CallDetail[] saved = new CallDetail[1];
        if (BusinessCall.run(() -> saved[0] = change.get())) {
            call = saved[0];
            if (sayIt) {
                Feedback.info("callEdit.saved");
            }
            return true;
        }
        // refused: if because someone else changed the call meanwhile, stop offering saves and offer a reload
        BusinessCall.run(() -> stale = administration.call(id).version() != call.version());
        return false;
    }

    /** A draft is shown with its forms; a published call read-only. */
    public boolean isDraft() {
        return call != null && call.status() == CallStatus.DRAFT;
    }

    /** Saving is offered on a draft, unless someone else changed it since the page was loaded. */
    public boolean isSavable() {
        return isDraft() && !stale;
    }

    public FileType[] getFileTypes() {
        return FileType.values();
    }

    public Long getId() { return id; }
    public CallDetail getCall() { return call; }
    public boolean isStale() { return stale; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public Integer getYear() { return year; }
    public void setYear(Integer v) { year = v; }
    public LocalDateTime getOpensAt() { return opensAt; }
    public void setOpensAt(LocalDateTime v) { opensAt = v; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public void setClosesAt(LocalDateTime v) { closesAt = v; }
    public BigDecimal getBudget() { return budget; }
    public void setBudget(BigDecimal v) { budget = v; }
    public BigDecimal getMaxRequest() { return maxRequest; }
    public void setMaxRequest(BigDecimal v) { maxRequest = v; }
    public String getGuide() { return guide; }
    public void setGuide(String v) { guide = v; }
    public List<RequirementRow> getRequirements() { return requirements; }
    public List<IndicatorRow> getIndicators() { return indicators; }
    public List<ParameterRow> getParameters() { return parameters; }
}
