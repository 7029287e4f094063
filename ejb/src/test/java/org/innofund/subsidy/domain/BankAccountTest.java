package org.innofund.subsidy.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BankAccountTest {

    static final String COMPANY = "宁波甲科技有限公司";

    @Test
    void takesTheCompanysOwnAccountWithGroupedDigits() {
        BankAccount a = BankAccount.of(" 宁波甲科技有限公司 ", "6222 0212 3456 7890", " 工商银行宁波分行 ", COMPANY);
        assertEquals(COMPANY, a.accountName());
        assertEquals("6222021234567890", a.accountNumber());
        assertEquals("工商银行宁波分行", a.bankName());
        assertEquals(8, BankAccount.of(COMPANY, "12345678", "银行", COMPANY).accountNumber().length());
        assertEquals(32, BankAccount.of(COMPANY, "1".repeat(32), "银行", COMPANY).accountNumber().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"宁波甲科技公司", "宁波乙科技有限公司", "", "宁波甲科技有限公司（个人）"})
    void refusesAnAccountInAnotherName(String name) {
        assertEquals("exempt.accountName", assertThrows(BusinessException.class,
                () -> BankAccount.of(name, "6222021234567890", "银行", COMPANY)).messageKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789012345678901234567890123", "6222-0212-3456", "62220212345678AB", ""})
    void refusesAMalformedNumber(String number) {
        assertEquals("exempt.accountNumber", assertThrows(BusinessException.class,
                () -> BankAccount.of(COMPANY, number, "银行", COMPANY)).messageKey());
    }

    @Test
    void wantsTheBank() {
        assertEquals("exempt.bankName", assertThrows(BusinessException.class,
                () -> BankAccount.of(COMPANY, "6222021234567890", " ", COMPANY)).messageKey());
        assertEquals("exempt.bankName", assertThrows(BusinessException.class,
                () -> BankAccount.of(COMPANY, "6222021234567890", "行".repeat(101), COMPANY)).messageKey());
    }
}
