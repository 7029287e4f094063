package org.innofund.program.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.FileType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttachmentRequirementTest {

    @Test
    void keepsItsNameRequirementAndTypes() {
        AttachmentRequirement r = new AttachmentRequirement("  营业执照 ", true, EnumSet.of(FileType.PNG, FileType.PDF));
        assertEquals("营业执照", r.getName());
        assertTrue(r.isRequired());
        assertEquals(EnumSet.of(FileType.PDF, FileType.PNG), r.getAllowedTypes());
        assertTrue(r.allows(FileType.PDF));
        assertTrue(r.allows(FileType.PNG));
        assertFalse(r.allows(FileType.JPG));
        assertFalse(r.allows(FileType.XLSX));
        assertFalse(new AttachmentRequirement("预算明细表", false, Set.of(FileType.XLSX)).isRequired());
    }

    @Test
    void everyTypeCanBeAllowed() {
        AttachmentRequirement r = new AttachmentRequirement("任意", false, EnumSet.allOf(FileType.class));
        for (FileType type : FileType.values()) {
            assertTrue(r.allows(type), type.name());
        }
    }

    @Test
    void theTypesAreACopy() {
        EnumSet<FileType> types = EnumSet.of(FileType.PDF);
        AttachmentRequirement r = new AttachmentRequirement("报告", true, types);
        types.add(FileType.JPG);
        assertFalse(r.allows(FileType.JPG));
        r.getAllowedTypes().add(FileType.XLSX);
        assertFalse(r.allows(FileType.XLSX));
    }

    @Test
    void aNameIsRequiredAndAtMost100Characters() {
        for (String name : new String[] {null, "", " \t"}) {
            BusinessException e = assertThrows(BusinessException.class,
                    () -> new AttachmentRequirement(name, true, Set.of(FileType.PDF)));
            assertEquals(BusinessException.Kind.INVALID, e.kind());
            assertEquals("call.requirementName", e.messageKey());
        }
        assertEquals("call.requirementName", assertThrows(BusinessException.class,
                () -> new AttachmentRequirement("附".repeat(101), true, Set.of(FileType.PDF))).messageKey());
        assertEquals(100, new AttachmentRequirement("附".repeat(100), true, Set.of(FileType.PDF)).getName().length());
    }

    @Test
    void atLeastOneTypeIsRequired() {
        for (Set<FileType> types : new Set[] {null, EnumSet.noneOf(FileType.class)}) {
            BusinessException e = assertThrows(BusinessException.class, () -> new AttachmentRequirement("报告", true, types));
            assertEquals("call.requirementTypes", e.messageKey());
            assertArrayEquals(new Object[] {"报告"}, e.arguments());
        }
    }

    @Test
    void equalByNameRequirementAndTypes() {
        AttachmentRequirement a = new AttachmentRequirement("报告", true, EnumSet.of(FileType.PDF, FileType.JPG));
        AttachmentRequirement same = new AttachmentRequirement(" 报告", true, EnumSet.of(FileType.JPG, FileType.PDF));
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new AttachmentRequirement("报告", false, EnumSet.of(FileType.PDF, FileType.JPG)));
        assertNotEquals(a, new AttachmentRequirement("报告", true, EnumSet.of(FileType.PDF)));
        assertNotEquals(a, new AttachmentRequirement("合同", true, EnumSet.of(FileType.PDF, FileType.JPG)));
    }
}
