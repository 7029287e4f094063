package org.innofund.identity.domain;

import org.innofund.shared.BusinessException;

/** A USCC that breaks a rule of GB 32100-2015; the message names the rule. */
public class InvalidUsccException extends BusinessException {

    public enum Rule {
        LENGTH("uscc.length"),
        CHARACTER("uscc.character"),
        DIVISION_CODE("uscc.divisionCode"),
        CHECK_CHARACTER("uscc.checkCharacter");

        final String messageKey;

        Rule(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final Rule rule;

    public InvalidUsccException(Rule rule, Object... arguments) {
        super(Kind.INVALID, rule.messageKey, arguments);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
