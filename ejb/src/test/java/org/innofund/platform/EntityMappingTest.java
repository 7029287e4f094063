package org.innofund.platform;

import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPA never creates the schema (the Flyway scripts do), so a mapped column that the scripts lack, or whose
 * length, precision or NOT NULL differs, only shows at run time on the server. This compares the entity
 * classes with the migrated schema.
 */
class EntityMappingTest {

    /** The compiled business classes (the module's directory is the working directory). */
    private static final Path CLASSES = Path.of("target", "classes");

    private static MigratedDatabase db;

    /** Column metadata of the migrated schema, by upper-case "TABLE.COLUMN". */
    private static final Map<String, DbColumn> SCHEMA = new HashMap<>();

    record DbColumn(String type, int size, int scale, boolean nullable) {
    }

    /** What one mapped attribute asks of its column. */
    record Mapped(String where, String table, String column, Class<?> javaType, boolean lob, int length,
                  int precision, int scale, boolean mayBeNull) {
    }

    @BeforeAll
    static void migrate() throws SQLException {
        db = new MigratedDatabase();
        DatabaseMetaData meta = db.connection.getMetaData();
        try (ResultSet rs = meta.getColumns(null, "PUBLIC", "%", "%")) {
            while (rs.next()) {
                SCHEMA.put(rs.getString("TABLE_NAME").toUpperCase() + "." + rs.getString("COLUMN_NAME").toUpperCase(),
                        new DbColumn(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                                "YES".equals(rs.getString("IS_NULLABLE"))));
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    static List<Class<?>> entities() throws IOException {
        List<Class<?>> entities = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.contains("$") || name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(name, false, EntityMappingTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Entity.class)) {
                        entities.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        return entities;
    }

    static List<Mapped> mappings(Class<?> entity) {
        String table = entity.getAnnotation(Table.class) != null && !entity.getAnnotation(Table.class).name().isEmpty()
                ? entity.getAnnotation(Table.class).name() : entity.getSimpleName();
        List<Mapped> mapped = new ArrayList<>();
        for (Class<?> c = entity; c != null && (c == entity || c.isAnnotationPresent(MappedSuperclass.class));
             c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())
                        || f.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                String where = entity.getSimpleName() + "." + f.getName();
                if (f.isAnnotationPresent(OneToMany.class) || f.isAnnotationPresent(ManyToMany.class)) {
                    throw new AssertionError(where + ": extend this test for " + List.of(f.getAnnotations()));
                }
                if (f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class)) {
                    JoinColumn join = f.getAnnotation(JoinColumn.class);
                    String column = join != null && !join.name().isEmpty() ? join.name() : f.getName() + "_ID";
                    boolean optional = f.isAnnotationPresent(ManyToOne.class) ? f.getAnnotation(ManyToOne.class).optional()
                            : f.getAnnotation(OneToOne.class).optional();
                    mapped.add(new Mapped(where, table, column, Long.class, false, 0, 0, 0,
                            optional && (join == null || join.nullable())));
                    continue;
                }
                if (f.isAnnotationPresent(ElementCollection.class)) {
                    CollectionTable collection = f.getAnnotation(CollectionTable.class);
                    Column element = f.getAnnotation(Column.class);
                    for (JoinColumn join : collection.joinColumns()) {
                        mapped.add(new Mapped(where + " (owner)", collection.name(), join.name(), Long.class, false,
                                0, 0, 0, false));
                    }
                    mapped.add(new Mapped(where + " (element)", collection.name(), element.name(), String.class,
                            false, element.length(), 0, 0, element.nullable()));
                    continue;
                }
                Column column = f.getAnnotation(Column.class);
                String name = column != null && !column.name().isEmpty() ? column.name() : f.getName();
                boolean mayBeNull = !f.getType().isPrimitive() && !f.isAnnotationPresent(Id.class)
                        && !f.isAnnotationPresent(Version.class) && (column == null || column.nullable())
                        && (f.getAnnotation(Basic.class) == null || f.getAnnotation(Basic.class).optional());
                mapped.add(new Mapped(where, table, name, f.getType(), f.isAnnotationPresent(Lob.class),
                        column == null ? 255 : column.length(), column == null ? 0 : column.precision(),
                        column == null ? 0 : column.scale(), mayBeNull));
            }
        }
        return mapped;
    }

    @Test
    void theEntitiesAreFound() throws IOException {
        Set<String> names = new TreeSet<>();
        entities().forEach(e -> names.add(e.getSimpleName()));
        assertTrue(names.containsAll(Set.of("Organisation", "UserAccount", "LoginThrottle", "ApiToken", "AuditEntry",
                "AuditChainHead", "Program", "FundingCall")), names.toString());
    }

    @Test
    void everyMappedColumnExistsAsMapped() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> entity : entities()) {
            for (Mapped m : mappings(entity)) {
                checked++;
                DbColumn db = SCHEMA.get(m.table().toUpperCase() + "." + m.column().toUpperCase());
                if (db == null) {
                    problems.add(m.where() + ": no column " + m.table() + "." + m.column());
                    continue;
                }
                String type = db.type().toUpperCase();
                Class<?> java = m.javaType();
                if (m.lob()) {
                    expect(problems, m, type.contains("LARGE OBJECT") || type.contains("LOB"), "a LOB, found " + type);
                } else if (java == String.class || java.isEnum()) {
                    expect(problems, m, type.contains("CHAR"), "text, found " + type);
                    expect(problems, m, db.size() == m.length(), "length " + m.length() + ", found " + db.size());
                } else if (java == Instant.class) {
                    // InstantConverter writes UTC LocalDateTimes: a TIMESTAMP without time zone
                    expect(problems, m, type.equals("TIMESTAMP"), "TIMESTAMP, found " + type);
                } else if (java == BigDecimal.class) {
                    expect(problems, m, db.size() == m.precision() && db.scale() == m.scale(),
                            "NUMBER(" + m.precision() + "," + m.scale() + "), found (" + db.size() + "," + db.scale() + ")");
                } else if (java == long.class || java == Long.class || java == int.class || java == boolean.class) {
                    expect(problems, m, type.equals("NUMERIC") || type.contains("INT"), "a number, found " + type);
                    expect(problems, m, db.scale() == 0, "no decimals, found " + db.scale());
                }
                expect(problems, m, db.nullable() == m.mayBeNull(),
                        (m.mayBeNull() ? "nullable" : "NOT NULL") + " as mapped, but the column is "
                                + (db.nullable() ? "nullable" : "NOT NULL"));
            }
        }
        assertTrue(checked > 40, "attributes checked: " + checked);
        assertEquals(List.of(), problems);
    }

    private static void expect(List<String> problems, Mapped m, boolean ok, String what) {
        if (!ok) {
            problems.add(m.where() + " -> " + m.table() + "." + m.column() + ": expected " + what);
        }
    }
}
