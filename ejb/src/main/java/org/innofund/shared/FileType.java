package org.innofund.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.stream.Collectors;

/** The only kinds of file an attachment may be; each is recognised by its content, never by its name. */
public enum FileType {
    PDF("application/pdf", "pdf"),
    JPG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** "PDF,JPG" → {PDF, JPG}; unknown names are refused. */
    public static Set<FileType> parseList(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.noneOf(FileType.class);
        }
        return Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank())
                .map(s -> FileType.valueOf(s.strip().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FileType.class)));
    }

    public static String formatList(Set<FileType> types) {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /**
     * The client's file name without any directory part, control characters (C0 and C1) or quotes, for display and
     * download only, ending in the extension of the type found in the content ("evil.pdf.exe" holding a PDF is
     * "evil.pdf", "report" is "report.pdf"), so that the file opens as what it is; at most 255 UTF-16 units, keeping
     * the end and never half a surrogate pair.
     */
    public String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cc}\"\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        String extension = "." + this.extension;
        String base = withoutExtension(name);
        if (base.toLowerCase(Locale.ROOT).endsWith(extension)) {
            base = withoutExtension(base); // "evil.pdf.exe": the extension under the false one is the true one
        }
        if (base.isEmpty()) {
            base = "attachment";
        }
        int room = 255 - extension.length();
        if (base.length() > room) {
            int start = base.length() - room;
            base = base.substring(Character.isLowSurrogate(base.charAt(start)) ? start + 1 : start);
        }
        return base + extension;
    }

    /** The name without its last extension, if it has one. */
    private static String withoutExtension(String name) {
        Matcher m = EXTENSION.matcher(name);
        return m.find() ? name.substring(0, m.start()).strip() : name;
    }

    /** What a file manager would take for an extension: a dot and a few letters or digits at the end. */
    private static final Pattern EXTENSION = Pattern.compile("\\.[\\p{Alnum}]{1,10}$");
}
