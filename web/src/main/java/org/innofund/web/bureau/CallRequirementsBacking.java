package org.innofund.web.bureau;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallDetail;
import org.innofund.shared.FileType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The draft call's required attachments as an editable table (a section of the call page, see CallEditBacking). */
@Named
@ViewScoped
public class CallRequirementsBacking extends CallSection<CallRequirementsBacking.RequirementRow> {

    private static final long serialVersionUID = 1L;

    /** A row of the table. */
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

    @Override
    protected List<RequirementRow> rowsOf(CallDetail call) {
        List<RequirementRow> rows = new ArrayList<>();
        for (CallDetail.Requirement r : call.requiredAttachments()) {
            RequirementRow row = new RequirementRow();
            row.setName(r.name());
            row.setRequired(r.required());
            row.setTypes(r.allowedTypes() == null || r.allowedTypes().isBlank() ? List.of() : Arrays.asList(r.allowedTypes().split(",")));
            rows.add(row);
        }
        return rows;
    }

    public void add() {
        getRows().add(new RequirementRow());
    }

    public void remove(RequirementRow row) {
        getRows().remove(row);
    }

    public void save() {
        List<CallDetail.Requirement> list = getRows().stream()
                .map(r -> new CallDetail.Requirement(r.getName(), r.isRequired(), String.join(",", r.getTypes()))).toList();
        saveRows(() -> administration.replaceRequiredAttachments(edit.getId(), edit.getCall().version(), list));
    }

    public FileType[] getFileTypes() {
        return FileType.values();
    }

}
