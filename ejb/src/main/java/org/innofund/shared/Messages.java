package org.innofund.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Business messages in Simplified Chinese (default) and English, shared by the UI and the API. */
public final class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "org.innofund.shared.messages";

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (arguments.length == 0) {
            return pattern;
        }
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] instanceof MessageKey k ? get(locale, k.key()) : label(bundle, arguments[i]);
        }
        return new MessageFormat(pattern, supported(locale)).format(shown);
    }

    /**
     * An enum constant in words where the bundle has a label for it (key {@code SimpleTypeName.CONSTANT}, e.g.
     * {@code DeclarationState.ACCEPTED}), so that a refusal names the state as users know it, not its code. A whole
     * number is shown as written: arguments of that kind are ids, row numbers and counts ("任务 2482", not "2,482");
     * amounts arrive formatted already.
     */
    private static Object label(ResourceBundle bundle, Object argument) {
        if (argument instanceof Long || argument instanceof Integer || argument instanceof Short) {
            return argument.toString();
        }
        if (argument instanceof Enum<?> constant) {
            String key = constant.getDeclaringClass().getSimpleName() + "." + constant.name();
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return argument;
    }

    public static String get(Locale locale, BusinessException e) {
        return get(locale, e.messageKey(), e.arguments());
    }

    /** English when asked for; Chinese otherwise. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : DEFAULT_LOCALE;
    }
}
