package org.innofund.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business messages in Simplified Chinese (default) and English, shared by the UI and the API.
 * <p>
 * A calculation run writes every enterprise's explanation in both languages, some twenty messages a line: parsing each
 * pattern again and asking ResourceBundle for the bundle each time was most of a 10,000-line run's time (BENCHMARKS.md,
 * issue 12). The bundle of each language and each pattern, once compiled, are kept; MessageFormat is not thread-safe,
 * so every message is formatted by a copy of the compiled one.
 */
public final class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "org.innofund.shared.messages";

    private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();
    /** Only keys the bundle has, so at most the bundle's size per language. */
    private static final Map<Locale, Map<String, MessageFormat>> FORMATS = new ConcurrentHashMap<>();

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... arguments) {
        Locale language = supported(locale);
        ResourceBundle bundle = bundle(language);
        if (!bundle.containsKey(key)) {
            return key;
        }
        if (arguments.length == 0) {
            return bundle.getString(key);
        }
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] instanceof MessageKey k ? get(locale, k.key()) : label(bundle, arguments[i]);
        }
        MessageFormat compiled = FORMATS.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), language));
        return ((MessageFormat) compiled.clone()).format(shown);
    }

    private static ResourceBundle bundle(Locale language) {
        return BUNDLES.computeIfAbsent(language, l -> ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
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
