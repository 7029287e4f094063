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
        Object[] translated = arguments.clone();
        for (int i = 0; i < translated.length; i++) {
            if (translated[i] instanceof MessageKey k) {
                translated[i] = get(locale, k.key());
            }
        }
        return new MessageFormat(pattern, supported(locale)).format(translated);
    }

    public static String get(Locale locale, BusinessException e) {
        return get(locale, e.messageKey(), e.arguments());
    }

    /** English when asked for; Chinese otherwise. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : DEFAULT_LOCALE;
    }
}
