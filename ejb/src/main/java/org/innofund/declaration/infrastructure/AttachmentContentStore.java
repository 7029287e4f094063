package org.innofund.declaration.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.innofund.platform.DatabaseMigrator;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Attachment content in the database (BLOB), so that every server of a cluster serves every file. Streamed with
 * JDBC both ways; never held whole in memory. Runs in the caller's transaction.
 */
@ApplicationScoped
public class AttachmentContentStore {

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private DataSource dataSource;

    public void store(long attachmentId, Path file, long size) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into attachment_content (attachment_id, content) values (?, ?)");
             InputStream in = Files.newInputStream(file)) {
            ps.setLong(1, attachmentId);
            ps.setBinaryStream(2, in, size);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("attachment content not stored", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the content, if any. */
    public void delete(long attachmentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from attachment_content where attachment_id = ?")) {
            ps.setLong(1, attachmentId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("attachment content not deleted", e);
        }
    }

    /** Copies the content to the output; false if there is none. */
    public boolean copyTo(long attachmentId, OutputStream out) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select content from attachment_content where attachment_id = ?")) {
            ps.setLong(1, attachmentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    in.transferTo(out);
                }
                return true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("attachment content not read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
