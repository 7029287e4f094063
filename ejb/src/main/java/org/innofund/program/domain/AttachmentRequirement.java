package org.innofund.program.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.innofund.shared.FlagConverter;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FileType;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** 附件要求: an attachment a call asks for, by name, required or optional, of some file types. */
@Embeddable
public class AttachmentRequirement {

    /**
     * 其他材料: the slot every declaration has for files its call did not list (several, each described, none
     * required). Its name is reserved: no call may list a requirement of that name.
     */
    public static final String OTHER_MATERIALS = "其他材料";

    @Column(nullable = false, length = 100)
    private String name;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean required;

    @Column(name = "allowed_types", nullable = false, length = 64)
    private String allowedTypes;

    protected AttachmentRequirement() {
    }

    public AttachmentRequirement(String name, boolean required, Set<FileType> allowedTypes) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw BusinessException.invalid("call.requirementName");
        }
        if (allowedTypes == null || allowedTypes.isEmpty()) {
            throw BusinessException.invalid("call.requirementTypes", name);
        }
        this.name = name.strip();
        this.required = required;
        this.allowedTypes = FileType.formatList(allowedTypes);
    }

    /** The slot for other materials: any file type the product accepts, never required. */
    public static AttachmentRequirement otherMaterials() {
        return new AttachmentRequirement(OTHER_MATERIALS, false, EnumSet.allOf(FileType.class));
    }

    public boolean isOtherMaterials() {
        return OTHER_MATERIALS.equals(name);
    }

    public String getName() {
        return name;
    }

    public boolean isRequired() {
        return required;
    }

    public Set<FileType> getAllowedTypes() {
        return FileType.parseList(allowedTypes);
    }

    public boolean allows(FileType type) {
        return getAllowedTypes().contains(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttachmentRequirement r && r.name.equals(name) && r.required == required
                && r.allowedTypes.equals(allowedTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, required, allowedTypes);
    }
}
