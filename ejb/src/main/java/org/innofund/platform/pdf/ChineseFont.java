package org.innofund.platform.pdf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.shared.BusinessException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Chinese font every PDF of the product embeds as a subset (the reader's machine need not have it): WenQuanYi
 * Micro Hei (文泉驿微米黑, Apache-2.0 or GPL-3 with a font embedding exception), a TrueType-outline font as PDFBox needs
 * (Noto CJK's CFF outlines it cannot embed). Found, in this order: the file {@code innofund.pdf.font} names; the copy
 * the build put into this jar from Debian's package {@value #FONT_PACKAGE}; that package's file if installed.
 * <p>
 * Parsing a CJK font is the slow part of a document, so it is parsed once, on first use, and lent out. PDFBox's parsed
 * font is not thread-safe (glyphs are read and cached lazily, and the subset is cut from it when the document is
 * saved), so it is lent to one renderer at a time, from the first glyph to the saved bytes: a one-page document takes
 * a few milliseconds, which bounds the rendering of the whole server to about one core's worth; signing, hashing and
 * storing happen outside. A parsed font per thread would use both cores but hold some megabytes in each of the
 * server's threads, and parse again in every new one.
 */
@ApplicationScoped
public class ChineseFont {

    private static final Logger LOG = Logger.getLogger(ChineseFont.class.getName());

    /** Where the build puts the font in this jar (ejb/pom.xml, execution cjk-font). */
    public static final String BUNDLED = "/org/innofund/platform/pdf/wqy-microhei.ttc";
    /** Where Debian's package installs it. */
    public static final String DEBIAN_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    public static final String FONT_PACKAGE = "fonts-wqy-microhei";
    /** The PostScript name in the collection; the family name "WenQuanYi Micro Hei" finds nothing. */
    public static final String FONT_NAME = "WenQuanYiMicroHei";

    @Inject
    @ConfigProperty(name = "innofund.pdf.font")
    Optional<String> fontFile;

    private TrueTypeFont font;

    /** The font this jar carries (or Debian's installed one), as the server finds it without configuration. */
    public ChineseFont() {
        this.fontFile = Optional.empty();
    }

    /** The font in this TrueType collection file, as {@code innofund.pdf.font} would name it. */
    public ChineseFont(String fontFile) {
        this.fontFile = Optional.of(fontFile);
    }

    /** What a renderer does with the font while it holds it. */
    @FunctionalInterface
    public interface Use<T> {
        T with(TrueTypeFont font) throws IOException;
    }

    /**
     * Lends the parsed font to {@code use}, one caller at a time.
     *
     * @throws BusinessException UNAVAILABLE ("pdf.fontMissing") when the font is nowhere to be found
     */
    public synchronized <T> T use(Use<T> use) {
        try {
            return use.with(font());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TrueTypeFont font() {
        if (font == null) {
            font = fontFile.isPresent() ? fromFile(fontFile.get()) : bundledOrInstalled();
        }
        return font;
    }

    private TrueTypeFont bundledOrInstalled() {
        try (InputStream bundled = ChineseFont.class.getResourceAsStream(BUNDLED)) {
            if (bundled != null) {
                // read whole into memory (5 MB); the collection stays open as long as the font is used
                TrueTypeFont found = new TrueTypeCollection(bundled).getFontByName(FONT_NAME);
                if (found != null) {
                    return found;
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The font in the jar cannot be read; trying " + DEBIAN_FILE, e);
        }
        return fromFile(DEBIAN_FILE);
    }

    private static TrueTypeFont fromFile(String path) {
        File file = new File(path);
        try {
            TrueTypeFont found = file.isFile() ? new TrueTypeCollection(file).getFontByName(FONT_NAME) : null;
            if (found != null) {
                return found;
            }
        } catch (IOException e) {
            // not a TrueType collection: the same answer as a missing file
        }
        throw new BusinessException(BusinessException.Kind.UNAVAILABLE, "pdf.fontMissing", path, FONT_PACKAGE);
    }

    /**
     * The text as the font can print it: "\r\n" as one break, control characters as spaces, and "?" for what the font
     * has no glyph for (never a failure on odd input).
     */
    public static String printable(String text, CmapLookup glyphs) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (glyphs.getGlyphId(cp) == 0) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
