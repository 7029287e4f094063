package org.innofund.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
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
}
