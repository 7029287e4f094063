package org.innofund.shared;

import java.io.InputStream;

/** A file as uploaded: the name its sender gave it (not trusted: {@link UploadInspector} judges the content) and its bytes. */
public record UploadedFile(String name, InputStream content) {
}
