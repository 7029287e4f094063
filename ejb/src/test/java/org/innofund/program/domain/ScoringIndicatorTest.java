package org.innofund.program.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScoringIndicatorTest {

    private static BusinessException refused(List<ScoringIndicator> template) {
        BusinessException e = assertThrows(BusinessException.class, () -> ScoringIndicator.checkTemplate(template));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        return e;
    }

    /** DOMAIN.md: R&D input 25, advancedness 25, IP value 20, team and conditions 15, economic and social benefit 15. */
    @Test
    void theDefaultTemplateIsTheOneOfTheDomain() {
        List<ScoringIndicator> template = ScoringIndicator.defaultTemplate();
        assertEquals(List.of("研发投入强度与研发组织", "技术与产品先进性", "知识产权价值", "团队与实施条件", "经济与社会效益"),
                template.stream().map(ScoringIndicator::getName).toList());
        assertEquals(List.of(25, 25, 20, 15, 15), template.stream().map(ScoringIndicator::getWeight).toList());
        assertEquals(100, template.stream().mapToInt(ScoringIndicator::getWeight).sum());
        assertDoesNotThrow(() -> ScoringIndicator.checkTemplate(template));
    }

    @Test
    void weightsSummingTo99AreRefused() {
        BusinessException e = refused(List.of(new ScoringIndicator("A", 50), new ScoringIndicator("B", 49)));
        assertEquals("call.templateWeights", e.messageKey());
        assertArrayEquals(new Object[] {99}, e.arguments());
    }

    @Test
    void weightsSummingTo101AreRefused() {
        BusinessException e = refused(List.of(new ScoringIndicator("A", 50), new ScoringIndicator("B", 51)));
        assertEquals("call.templateWeights", e.messageKey());
        assertArrayEquals(new Object[] {101}, e.arguments());
    }

    @Test
    void oneIndicatorOf100IsATemplate() {
        assertDoesNotThrow(() -> ScoringIndicator.checkTemplate(List.of(new ScoringIndicator("综合评价", 100))));
    }

    @Test
    void aHundredIndicatorsOfOneAreATemplate() {
        List<ScoringIndicator> template = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            template.add(new ScoringIndicator("指标" + i, 1));
        }
        assertDoesNotThrow(() -> ScoringIndicator.checkTemplate(template));
    }

    @Test
    void aNameTwiceIsRefusedEvenWhenTheWeightsSumTo100() {
        BusinessException e = refused(List.of(new ScoringIndicator("知识产权价值", 50), new ScoringIndicator(" 知识产权价值 ", 50)));
        assertEquals("call.templateDuplicate", e.messageKey());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void anEmptyTemplateIsRefused(List<ScoringIndicator> template) {
        assertEquals("call.templateEmpty", refused(template).messageKey());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aWeightOutside1To100IsRefused(int weight) {
        BusinessException e = assertThrows(BusinessException.class, () -> new ScoringIndicator("A", weight));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("call.indicatorWeight", e.messageKey());
        assertArrayEquals(new Object[] {"A", weight}, e.arguments());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void weightsOf1And100AreAllowed(int weight) {
        assertEquals(weight, new ScoringIndicator("A", weight).getWeight());
    }

    @Test
    void aNameIsRequiredAndAtMost100Characters() {
        for (String name : new String[] {null, "", "   "}) {
            assertEquals("call.indicatorName", assertThrows(BusinessException.class,
                    () -> new ScoringIndicator(name, 10)).messageKey());
        }
        assertEquals("call.indicatorName", assertThrows(BusinessException.class,
                () -> new ScoringIndicator("名".repeat(101), 10)).messageKey());
        assertEquals(100, new ScoringIndicator("名".repeat(100), 10).getName().length());
        assertEquals("知识产权价值", new ScoringIndicator("  知识产权价值\t", 10).getName());
    }

    @Test
    void equalByNameAndWeight() {
        assertEquals(new ScoringIndicator("A", 10), new ScoringIndicator(" A ", 10));
        assertEquals(new ScoringIndicator("A", 10).hashCode(), new ScoringIndicator(" A ", 10).hashCode());
        assertNotEquals(new ScoringIndicator("A", 10), new ScoringIndicator("A", 11));
        assertNotEquals(new ScoringIndicator("A", 10), new ScoringIndicator("B", 10));
    }
}
