package org.innofund.web.shared;

import org.primefaces.model.file.UploadedFile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report's files kept one upload at a time: at most the limit, each with its bytes, handed over whole, then gone. */
class StagedFilesTest {

    /** A part as the container gives it, remembering whether it was deleted. */
    private static final class Part implements UploadedFile {
        private final String name;
        private final byte[] bytes;
        private boolean deleted;

        Part(String name, String content) {
            this.name = name;
            this.bytes = content.getBytes(StandardCharsets.UTF_8);
        }

        @Override public String getFileName() { return name; }
        @Override public String getWebkitRelativePath() { return null; }
        @Override public InputStream getInputStream() { return new ByteArrayInputStream(bytes); }
        @Override public byte[] getContent() { return bytes; }
        @Override public String getContentType() { return "application/pdf"; }
        @Override public long getSize() { return bytes.length; }
        @Override public File write(String filePath) { throw new UnsupportedOperationException(); }
        @Override public void delete() { deleted = true; }
    }

    @Test
    void keepsUpToTheLimitAndHandsThemOverInOrderThenDeletesThem() {
        StagedFiles staged = new StagedFiles(2);
        Part first = new Part("进展一.pdf", "one");
        assertTrue(staged.add(first));
        assertTrue(first.deleted, "the container's part is let go at once");
        assertTrue(staged.add(new Part("b.pdf", "two!")));
        assertTrue(staged.isFull());
        assertFalse(staged.add(new Part("c.pdf", "three")), "a third is refused");
        assertEquals(List.of("进展一.pdf 3", "b.pdf 4"), staged.list().stream().map(s -> s.name() + " " + s.size()).toList());
        List<Path> kept = staged.list().stream().map(s -> Path.of(s.path())).toList();

        List<String> received = new ArrayList<>();
        assertTrue(staged.send(files -> files.forEach(f -> {
            try {
                received.add(f.name() + "=" + new String(f.content().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })));
        assertEquals(List.of("进展一.pdf=one", "b.pdf=two!"), received);
        assertEquals(List.of(), staged.list());
        kept.forEach(p -> assertFalse(Files.exists(p), p + " left behind"));
    }

    @Test
    void aRemovedOrClearedFileLeavesNothingBehind() {
        StagedFiles staged = new StagedFiles(5);
        staged.add(new Part("a.pdf", "a"));
        staged.add(new Part("b.pdf", "b"));
        Path a = Path.of(staged.list().get(0).path());
        staged.remove(0);
        staged.remove(7); // not there: nothing happens
        assertFalse(Files.exists(a));
        assertEquals(List.of("b.pdf"), staged.list().stream().map(StagedFiles.Staged::name).toList());
        Path b = Path.of(staged.list().get(0).path());
        staged.clear();
        assertFalse(Files.exists(b));
        assertEquals(List.of(), staged.list());
    }
}
