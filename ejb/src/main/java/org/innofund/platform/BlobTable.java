package org.innofund.platform;

import jakarta.annotation.Resource;

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
import java.util.Map;

/**
 * File content in the database (a BLOB column keyed by its owner's id), so that every server of a cluster serves every
 * file. Streamed with JDBC both ways, never held whole in memory; runs in the caller's transaction. Each table that
 * holds content is a subclass naming its table and key (constants of the code, never input).
 */
public abstract class BlobTable {

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private DataSource dataSource;

    private final String insert;
    private final String delete;
    private final String select;
    private final String copy;

    protected BlobTable(String table, String key) {
        insert = "insert into " + table + " (" + key + ", content) values (?, ?)";
        delete = "delete from " + table + " where " + key + " = ?";
        select = "select content from " + table + " where " + key + " = ?";
        copy = "insert into " + table + " (" + key + ", content) select ?, content from " + table + " where " + key + " = ?";
    }

    public void store(long id, Path file, long size) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(insert);
             InputStream in = Files.newInputStream(file)) {
            ps.setLong(1, id);
            ps.setBinaryStream(2, in, size);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("content not stored", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Many contents at once, each in place of an earlier one if any (a bulk upload stores hundreds), on one connection
     * and statement, each streamed from its file. The inserts are not sent as a JDBC batch: Oracle's drivers have
     * refused streamed binds in batches, and the cost of a bulk store was never the insert.
     */
    public void replaceAll(Map<Long, Path> files) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement del = c.prepareStatement(delete);
             PreparedStatement ins = c.prepareStatement(insert)) {
            for (Long id : files.keySet()) {
                del.setLong(1, id);
                del.addBatch();
            }
            del.executeBatch();
            for (Map.Entry<Long, Path> f : files.entrySet()) {
                try (InputStream in = Files.newInputStream(f.getValue())) {
                    ins.setLong(1, f.getKey());
                    ins.setBinaryStream(2, in, Files.size(f.getValue()));
                    ins.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("content not stored", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the content, if any. */
    public void delete(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(delete)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("content not deleted", e);
        }
    }

    /** The same content under another owner (a new version keeps the file of the one it copies), inside the database. */
    public void copy(long fromId, long toId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(copy)) {
            ps.setLong(1, toId);
            ps.setLong(2, fromId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("content not copied", e);
        }
    }

    /** Copies the content to the output; false if there is none. */
    public boolean copyTo(long id, OutputStream out) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(select)) {
            ps.setLong(1, id);
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
            throw new IllegalStateException("content not read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
