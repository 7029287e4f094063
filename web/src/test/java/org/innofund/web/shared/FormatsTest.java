package org.innofund.web.shared;

import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormatsTest {

    private final Formats formats = new Formats();

    @Test
    void fileSizesReadAsPeopleSayThem() {
        assertEquals("0 B", formats.bytes(0));
        assertEquals("1023 B", formats.bytes(1023));
        assertEquals("1 KB", formats.bytes(1024));
        assertEquals("1.5 KB", formats.bytes(1536));
        assertEquals("20 MB", formats.bytes(20L * 1024 * 1024));
        assertEquals("1,024 MB", formats.bytes(1024L * 1024 * 1024));
    }

    @Test
    void moneyHasTwoDecimalsAndGroups() {
        assertEquals("¥1,500,000.00", formats.money(new BigDecimal("1500000")));
        assertEquals("¥0.50", formats.money(Money.of(new BigDecimal("0.5"))));
        assertEquals("", formats.money(null));
    }

    /** A page shows only amounts that are money: a BigDecimal that is not one is a bug upstream, not a figure to show. */
    @Test
    void aBigDecimalThatIsNotMoneyIsRefused() {
        assertThrows(BusinessException.class, () -> formats.money(new BigDecimal("0.001")));
    }
}
