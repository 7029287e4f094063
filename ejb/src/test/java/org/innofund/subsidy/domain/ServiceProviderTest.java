package org.innofund.subsidy.domain;

import org.innofund.identity.domain.Uscc;
import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceProviderTest {

    private static final LocalDate REGISTERED = LocalDate.of(2026, 3, 1);
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    private static ServiceProvider provider() {
        return new ServiceProvider(Uscc.parse("91110000802100433B"), " 检测中心 ", true, "张三", REGISTERED, "reviewer", NOW);
    }

    @Test
    void listedSevenDaysAfterRegistration() {
        ServiceProvider p = provider();
        assertEquals(LocalDate.of(2026, 3, 8), p.getListedOn());
        assertEquals(ProviderStatus.PUBLICITY, p.statusOn(REGISTERED));
        assertEquals(ProviderStatus.PUBLICITY, p.statusOn(LocalDate.of(2026, 3, 7)));
        assertFalse(p.countsOn(LocalDate.of(2026, 3, 7)));
        assertEquals(ProviderStatus.LISTED, p.statusOn(LocalDate.of(2026, 3, 8)));
        assertTrue(p.countsOn(LocalDate.of(2026, 3, 8)));
        assertEquals("检测中心", p.getName());
    }

    @Test
    void aSuspensionHoldsFromItsFirstToItsLastDayAndSeveralAreKept() {
        ServiceProvider p = provider();
        LocalDate today = LocalDate.of(2026, 4, 1);
        p.suspend(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 20), "整改", today, "reviewer", NOW);
        p.suspend(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1), "复查", today, "reviewer", NOW);
        assertEquals(ProviderStatus.LISTED, p.statusOn(LocalDate.of(2026, 4, 9)));
        assertEquals(ProviderStatus.SUSPENDED, p.statusOn(LocalDate.of(2026, 4, 10)));
        assertEquals(ProviderStatus.SUSPENDED, p.statusOn(LocalDate.of(2026, 4, 20)));
        assertTrue(p.countsOn(LocalDate.of(2026, 4, 21)));
        assertFalse(p.countsOn(LocalDate.of(2026, 6, 1)));
        assertTrue(p.countsOn(LocalDate.of(2026, 6, 2)));
        assertEquals(2, p.getSuspensions().size());
    }

    @Test
    void aSuspensionDuringThePublicityKeepsItInPublicity() {
        ServiceProvider p = provider();
        p.suspend(REGISTERED, LocalDate.of(2026, 3, 9), "材料补正", REGISTERED, "reviewer", NOW);
        assertEquals(ProviderStatus.PUBLICITY, p.statusOn(LocalDate.of(2026, 3, 7)));
        assertEquals(ProviderStatus.SUSPENDED, p.statusOn(LocalDate.of(2026, 3, 9)));
        assertEquals(ProviderStatus.LISTED, p.statusOn(LocalDate.of(2026, 3, 10)));
    }

    @Test
    void aSuspensionStartsTodayOrLaterWithAPeriodAndAReason() {
        ServiceProvider p = provider();
        LocalDate today = LocalDate.of(2026, 4, 1);
        assertEquals("provider.suspensionPast", assertThrows(BusinessException.class, () ->
                p.suspend(today.minusDays(1), today, "整改", today, "reviewer", NOW)).messageKey());
        assertEquals("provider.suspensionPeriod", assertThrows(BusinessException.class, () ->
                p.suspend(today.plusDays(2), today.plusDays(1), "整改", today, "reviewer", NOW)).messageKey());
        assertEquals("provider.suspensionPeriod", assertThrows(BusinessException.class, () ->
                p.suspend(today, null, "整改", today, "reviewer", NOW)).messageKey());
        assertEquals("provider.suspensionReason", assertThrows(BusinessException.class, () ->
                p.suspend(today, today, "  ", today, "reviewer", NOW)).messageKey());
        assertEquals(0, p.getSuspensions().size());
    }

    @Test
    void aNameAndAControllerAreRequired() {
        assertEquals("provider.name", assertThrows(BusinessException.class, () -> new ServiceProvider(
                Uscc.parse("91110000802100433B"), " ", true, "张三", REGISTERED, "reviewer", NOW)).messageKey());
        ServiceProvider p = provider();
        assertEquals("provider.controller", assertThrows(BusinessException.class, () ->
                p.describe("检测中心", false, null)).messageKey());
        p.describe("检测中心（北京）", false, "李四");
        assertFalse(p.isLocal());
        assertEquals("李四", p.getController());
        assertEquals(LocalDate.of(2026, 3, 8), p.getListedOn());
    }
}
