package org.innofund.certificate.domain;

import org.innofund.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * 人民币大写金额 against a table written and checked by hand (not generated), from the People's Bank's rules
 * (《正确填写票据和结算凭证的基本规定》), their own examples marked "PBOC", and the amounts of issue 14.
 */
class CapitalNumeralsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # below one yuan: no 元, no leading 零
            0.00                | 零元整
            0.01                | 壹分
            0.10                | 壹角整
            0.11                | 壹角壹分
            0.99                | 玖角玖分
            # 元 then 整; a 零 when the 角 is zero and the 分 is not (rule 4)
            1.00                | 壹元整
            1.01                | 壹元零壹分
            1.10                | 壹元壹角整
            # 10 keeps its 壹 (拾元 alone could be made 贰拾元)
            10.00               | 壹拾元整
            # the 元 digit is zero, the 角 is not: rule 3 allows 零 or none; this writes none (as the issue's 10.5)
            10.50               | 壹拾元伍角整
            10.10               | 壹拾元壹角整
            10.05               | 壹拾元零伍分
            11.00               | 壹拾壹元整
            101.00              | 壹佰零壹元整
            110.00              | 壹佰壹拾元整
            1000.01             | 壹仟元零壹分
            1001.00             | 壹仟零壹元整
            1010.00             | 壹仟零壹拾元整
            1234.56             | 壹仟贰佰叁拾肆元伍角陆分
            # PBOC rule 1: a zero inside is 零 (their example, with our 整 after the 角)
            1409.50             | 壹仟肆佰零玖元伍角整
            # PBOC rule 2: several zeros inside, one 零
            6007.14             | 陆仟零柒元壹角肆分
            # PBOC rule 3, the form without 零 (元 digit zero, 角 not)
            1680.32             | 壹仟陆佰捌拾元叁角贰分
            # PBOC rule 3, their first form: the 万 digit zero, the 仟 not: 壹拾万柒仟, and the 元 digit zero: no 零
            107000.53           | 壹拾万柒仟元伍角叁分
            # PBOC rule 4: 角 zero, 分 not: 零 after 元
            16409.02            | 壹万陆仟肆佰零玖元零贰分
            325.04              | 叁佰贰拾伍元零肆分
            10000.00            | 壹万元整
            # 1 0005: zeros from 仟 to 拾 are one 零
            10005.00            | 壹万零伍元整
            99999.90            | 玖万玖仟玖佰玖拾玖元玖角整
            100000.00           | 壹拾万元整
            # the issue's example: no 角, 分 5
            100000.05           | 壹拾万元零伍分
            # 10 0001: the 万 group ends in a zero (not read), then 0 0 0 before 壹 (one 零)
            100001.00           | 壹拾万零壹元整
            # 10 0500: the 仟 digit is zero before 伍佰
            100500.00           | 壹拾万零伍佰元整
            250000.00           | 贰拾伍万元整
            # 101 0101.01: every zero inside gets its 零, and 零 before 壹分
            1010101.01          | 壹佰零壹万零壹佰零壹元零壹分
            # 100 0010: the 万 group's trailing zeros are not read; 0 0 in the 元 group before 壹拾
            1000010.00          | 壹佰万零壹拾元整
            1000700.00          | 壹佰万零柒佰元整
            12000000.00         | 壹仟贰佰万元整
            20000000.00         | 贰仟万元整
            # 5000 0000.60: 元 digit zero, 角 not: no 零 (as 10.50)
            50000000.60         | 伍仟万元陆角整
            100000000.00        | 壹亿元整
            # 1 0000 0500: an all-zero 万 group has no 万, and the zeros are one 零
            100000500.00        | 壹亿零伍佰元整
            # 1 0000 7000: a whole group of zeros is read as 零 (壹亿柒仟 would read as 1.7 亿)
            100007000.00        | 壹亿零柒仟元整
            # 1 0001 0000
            100010000.00        | 壹亿零壹万元整
            123456789.12        | 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分
            # 100 0000 0000: the 亿 group's trailing zeros, then an all-zero 万 and 元 group: nothing
            10000000000.00      | 壹佰亿元整
            # 100 0000 0100
            10000000100.00      | 壹佰亿零壹佰元整
            30000000000.00      | 叁佰亿元整
            # 1000 0000 0000
            100000000000.00     | 壹仟亿元整
            200000000000.00     | 贰仟亿元整
            # 1 0000 0000 0000: 万 above 亿, and the 亿 is written although its own group is zeros
            1000000000000.00    | 壹万亿元整
            # 1 0000 0000 0001: the zeros from 仟亿 down to 拾 are one 零
            1000000000001.00    | 壹万亿零壹元整
            # 1 0000 1000 0000: the 亿 group all zeros, then 壹仟万: one 零 (壹万亿壹仟万 would read as 1.1 万亿)
            1000010000000.00    | 壹万亿零壹仟万元整
            # 1 0001 0000 0000 = 10001 亿
            1000100000000.00    | 壹万零壹亿元整
            9999999999999.99    | 玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分
            """)
    void writesTheAmountAsOnAPaymentDocument(String amount, String expected) {
        assertEquals(expected, CapitalNumerals.of(Money.parse(amount)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000000000.00", "99999999999999.99"})
    void refusesAmountsFromTenThousandYiUp(String amount) {
        assertThrows(IllegalArgumentException.class, () -> CapitalNumerals.of(Money.parse(amount)));
    }
}
