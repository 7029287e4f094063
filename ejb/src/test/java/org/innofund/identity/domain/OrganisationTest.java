package org.innofund.identity.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 单位信息: what an enterprise's own users may correct, and what the change reports to the audit trail. */
class OrganisationTest {

    private static Organisation enterprise() {
        return Organisation.enterprise("宁波某科技有限公司", Uscc.parse("91330100716105852F"), "张三", "0574-12345678",
                Instant.EPOCH);
    }

    @Test
    void theProfileChangeNamesTheFieldsItChanged() {
        Organisation o = enterprise();
        assertEquals(List.of("address", "legalRepresentative"),
                o.changeProfile(" 宁波市高新区聚贤路 1 号 ", "李四", "张三", "0574-12345678"));
        assertEquals("宁波市高新区聚贤路 1 号", o.getAddress());
        assertEquals("李四", o.getLegalRepresentative());
        assertEquals(List.of(), o.changeProfile("宁波市高新区聚贤路 1 号", "李四", " 张三 ", "0574-12345678"),
                "the same values, spaces aside, change nothing");
        assertEquals(List.of("contactName", "contactPhone"), o.changeProfile("宁波市高新区聚贤路 1 号", "李四", "王五", "13800000000"));
        assertEquals("王五", o.getContactName());
        assertEquals("13800000000", o.getContactPhone());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBlankOptionalValueIsKeptAsNone(String blank) {
        Organisation o = enterprise();
        o.changeProfile("地址", "李四", "张三", "0574-12345678");
        assertEquals(List.of("address", "legalRepresentative"), o.changeProfile(blank, blank, "张三", "0574-12345678"));
        assertNull(o.getAddress());
        assertNull(o.getLegalRepresentative());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void theContactCannotBeRemoved(String blank) {
        Organisation o = enterprise();
        assertThrows(NullPointerException.class, () -> o.changeProfile("地址", "李四", blank, "0574-12345678"));
        assertThrows(NullPointerException.class, () -> o.changeProfile("地址", "李四", "张三", blank));
        assertNull(o.getAddress(), "a refused change changes nothing");
        assertEquals("张三", o.getContactName());
    }

    @Test
    void nameAndUsccStayAsRegistered() {
        Organisation o = enterprise();
        o.changeProfile("地址", "李四", "王五", "13800000000");
        assertEquals("宁波某科技有限公司", o.getName());
        assertEquals("91330100716105852F", o.getUscc().orElseThrow());
    }
}
