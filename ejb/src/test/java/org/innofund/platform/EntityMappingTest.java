package org.innofund.platform;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AssociationOverrides;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPA never creates the schema (the Flyway scripts do), so a mapped column that the scripts lack, or whose
 * length, precision or NOT NULL differs, only shows at run time on the server. This compares the entity
 * classes with the migrated schema: their own columns, the columns of the embeddables they embed, and the
 * collection tables of their element collections (join column, order column and each element column).
 */
class EntityMappingTest {

    /** The compiled business classes (the module's directory is the working directory). */
    private static final Path CLASSES = Path.of("target", "classes");

    /**
     * Tables that no entity maps, each for its reason: Flyway's own history; the submitted revisions and the
     * attachment content, which the business layer reads and writes with plain SQL (streamed BLOBs, JSON CLOBs);
     * the tests' clock offset, read by the clock with plain SQL outside any persistence context; the idempotency
     * keys, whose refused insert is the answer "taken" (IdempotencyKeys), which JPA would turn into a doomed transaction;
     * the certificates' serial counters and the verification windows, raised by one UPDATE each (SerialNumbers,
     * VerificationLimit) so that the row lock or the count is the database's.
     */
    private static final Set<String> UNMAPPED_TABLES = Set.of("FLYWAY_SCHEMA_HISTORY", "DECLARATION_REVISION",
            "ATTACHMENT_CONTENT", "CALL_NOTICE_CONTENT", "EVALUATION_REPORT_CONTENT", "TEST_CLOCK",
            "PROGRESS_REPORT_FILE_CONTENT", "IDEMPOTENCY_KEY", "CERTIFICATE_SERIAL", "VERIFICATION_WINDOW");

    private static MigratedDatabase db;

    /** Column metadata of the migrated schema, by upper-case "TABLE.COLUMN". */
    private static final Map<String, DbColumn> SCHEMA = new HashMap<>();

    record DbColumn(String type, int size, int scale, boolean nullable, String defaultValue) {
    }

    /** How an enum is stored: by name (text) or by ordinal (a number); null for other types. */
    enum Stored { NAME, ORDINAL }

    /** What one mapped attribute asks of its column. */
    record Mapped(String where, String table, String column, Class<?> javaType, Stored enumStored, boolean lob,
                  int length, int precision, int scale, boolean mayBeNull) {

        String key() {
            return table.toUpperCase(Locale.ROOT) + "." + column.toUpperCase(Locale.ROOT);
        }
    }

    @BeforeAll
    static void migrate() throws SQLException {
        db = new MigratedDatabase();
        DatabaseMetaData meta = db.connection.getMetaData();
        try (ResultSet rs = meta.getColumns(null, "PUBLIC", "%", "%")) {
            while (rs.next()) {
                SCHEMA.put(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT) + "."
                                + rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT),
                        new DbColumn(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                                "YES".equals(rs.getString("IS_NULLABLE")), rs.getString("COLUMN_DEF")));
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

    static String tableOf(Class<?> entity) {
        Table t = entity.getAnnotation(Table.class);
        return t != null && !t.name().isEmpty() ? t.name() : entity.getSimpleName();
    }

    /** Mapping annotations this test does not understand: met on a field, it fails rather than skip the field. */
    private static final List<Class<? extends Annotation>> NOT_UNDERSTOOD = List.of(ManyToMany.class,
            AttributeOverride.class, AttributeOverrides.class, AssociationOverride.class, AssociationOverrides.class,
            EmbeddedId.class, MapKey.class, MapKeyColumn.class);

    static List<Mapped> mappings(Class<?> entity) {
        String table = tableOf(entity);
        List<Mapped> mapped = new ArrayList<>();
        for (Class<?> c = entity; c != null && (c == entity || c.isAnnotationPresent(MappedSuperclass.class));
             c = c.getSuperclass()) {
            for (Field f : persistentFields(c)) {
                String where = entity.getSimpleName() + "." + f.getName();
                for (Class<? extends Annotation> unknown : NOT_UNDERSTOOD) {
                    if (f.isAnnotationPresent(unknown)) {
                        throw new AssertionError(where + ": extend this test for " + List.of(f.getAnnotations()));
                    }
                }
                if (f.isAnnotationPresent(OneToMany.class)) {
                    requireMappedByTheOtherSide(where, f);
                    continue;
                }
                if (f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class)) {
                    mapped.add(joinColumn(where, table, f));
                    continue;
                }
                if (f.isAnnotationPresent(ElementCollection.class)) {
                    mapped.addAll(collection(where, f));
                    continue;
                }
                if (f.isAnnotationPresent(Embedded.class) || f.getType().isAnnotationPresent(Embeddable.class)) {
                    if (!f.getType().isAnnotationPresent(Embeddable.class)) {
                        throw new AssertionError(where + ": @Embedded of a class that is not @Embeddable");
                    }
                    // the embeddable's columns sit in the owner's table
                    for (Field g : persistentFields(f.getType())) {
                        mapped.add(column(where + "." + g.getName(), table, g));
                    }
                    continue;
                }
                mapped.add(column(where, table, f));
            }
        }
        return mapped;
    }

    private static List<Field> persistentFields(Class<?> c) {
        List<Field> fields = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())
                    && !f.isAnnotationPresent(Transient.class) && !f.isSynthetic()) {
                fields.add(f);
            }
        }
        return fields;
    }

    /** A @OneToMany is mapped by the other side's @ManyToOne (its join column is checked with that entity). */
    private static void requireMappedByTheOtherSide(String where, Field f) {
        String mappedBy = f.getAnnotation(OneToMany.class).mappedBy();
        if (mappedBy.isEmpty()) {
            throw new AssertionError(where + ": extend this test for a @OneToMany without mappedBy (a join table)");
        }
        Class<?> target = elementType(where, f);
        try {
            Field back = target.getDeclaredField(mappedBy);
            if (!back.isAnnotationPresent(ManyToOne.class) || back.getType() != f.getDeclaringClass()) {
                throw new AssertionError(where + ": mappedBy \"" + mappedBy + "\" is not a @ManyToOne back to "
                        + f.getDeclaringClass().getSimpleName());
            }
        } catch (NoSuchFieldException e) {
            throw new AssertionError(where + ": mappedBy \"" + mappedBy + "\" names no field of " + target.getSimpleName());
        }
        if (!target.isAnnotationPresent(Entity.class)) {
            throw new AssertionError(where + ": " + target.getSimpleName() + " is not an entity");
        }
    }

    private static Mapped joinColumn(String where, String table, Field f) {
        JoinColumn join = f.getAnnotation(JoinColumn.class);
        String column = join != null && !join.name().isEmpty() ? join.name() : f.getName() + "_ID";
        boolean optional = f.isAnnotationPresent(ManyToOne.class) ? f.getAnnotation(ManyToOne.class).optional()
                : f.getAnnotation(OneToOne.class).optional();
        return new Mapped(where, table, column, Long.class, null, false, 0, 0, 0,
                optional && (join == null || join.nullable()));
    }

    /**
     * An element collection: its table holds the owner's id, the order column when the list is ordered, and the
     * element (one column for a basic value, one per field for an embeddable). The provider always writes the
     * owner's id and the position, so those columns must be NOT NULL whatever the annotations' defaults say.
     */
    private static List<Mapped> collection(String where, Field f) {
        CollectionTable collection = f.getAnnotation(CollectionTable.class);
        if (collection == null || collection.name().isEmpty() || collection.joinColumns().length == 0) {
            throw new AssertionError(where + ": name the collection table and its join column explicitly");
        }
        String table = collection.name();
        List<Mapped> mapped = new ArrayList<>();
        for (JoinColumn join : collection.joinColumns()) {
            mapped.add(new Mapped(where + " (owner)", table, join.name(), Long.class, null, false, 0, 0, 0, false));
        }
        OrderColumn order = f.getAnnotation(OrderColumn.class);
        if (order != null) {
            String name = order.name().isEmpty() ? f.getName() + "_ORDER" : order.name();
            mapped.add(new Mapped(where + " (order)", table, name, int.class, null, false, 0, 0, 0, false));
        } else if (List.class.isAssignableFrom(f.getType())) {
            throw new AssertionError(where + ": a List without @OrderColumn loses its order");
        }
        Class<?> element = elementType(where, f);
        if (element.isAnnotationPresent(Embeddable.class)) {
            if (f.isAnnotationPresent(Column.class)) {
                throw new AssertionError(where + ": @Column on a collection of embeddables has no effect");
            }
            for (Field g : persistentFields(element)) {
                if (g.isAnnotationPresent(ManyToOne.class) || g.isAnnotationPresent(OneToOne.class)
                        || g.isAnnotationPresent(ElementCollection.class) || g.isAnnotationPresent(Embedded.class)) {
                    throw new AssertionError(where + "." + g.getName() + ": extend this test for " + List.of(g.getAnnotations()));
                }
                mapped.add(column(where + " (element)." + g.getName(), table, g));
            }
        } else {
            Column column = f.getAnnotation(Column.class);
            if (column == null || column.name().isEmpty()) {
                throw new AssertionError(where + ": name the element column of a basic collection with @Column");
            }
            mapped.add(new Mapped(where + " (element)", table, column.name(), element, enumStored(f, element),
                    f.isAnnotationPresent(Lob.class), column.length(), column.precision(), column.scale(),
                    column.nullable() && !element.isPrimitive()));
        }
        return mapped;
    }

    /** The type of a collection's elements, from its declared type argument. */
    private static Class<?> elementType(String where, Field f) {
        Type generic = f.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new AssertionError(where + ": cannot tell the element type of " + generic);
    }

    /** A basic attribute (of the entity or of an embeddable) and its column in the given table. */
    private static Mapped column(String where, String table, Field f) {
        Column column = f.getAnnotation(Column.class);
        String name = column != null && !column.name().isEmpty() ? column.name() : f.getName();
        Class<?> stored = storedType(where, f);
        boolean mayBeNull = !f.getType().isPrimitive() && !f.isAnnotationPresent(Id.class)
                && !f.isAnnotationPresent(Version.class) && (column == null || column.nullable())
                && (f.getAnnotation(Basic.class) == null || f.getAnnotation(Basic.class).optional());
        return new Mapped(where, table, name, stored, enumStored(f, stored), f.isAnnotationPresent(Lob.class),
                column == null ? 255 : column.length(), column == null ? 0 : column.precision(),
                column == null ? 0 : column.scale(), mayBeNull);
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    /** The Java type that reaches the column: the field's own, or the database side of its @Convert converter. */
    private static Class<?> storedType(String where, Field f) {
        Convert convert = f.getAnnotation(Convert.class);
        if (convert == null || convert.disableConversion()) {
            return f.getType();
        }
        if (convert.converter() == void.class) {
            throw new AssertionError(where + ": @Convert without a converter class");
        }
        for (Type t : convert.converter().getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == AttributeConverter.class) {
                Type[] args = p.getActualTypeArguments();
                // a primitive field is converted as its wrapper (boolean by an AttributeConverter<Boolean, ...>)
                if (args[0] != boxed(f.getType())) {
                    throw new AssertionError(where + ": " + convert.converter().getSimpleName() + " converts "
                            + args[0].getTypeName() + ", not " + f.getType().getName());
                }
                return (Class<?>) args[1];
            }
        }
        throw new AssertionError(where + ": " + convert.converter().getName() + " does not implement AttributeConverter<X, Y>");
    }

    /** JPA stores an enum by ordinal unless told @Enumerated(STRING). */
    private static Stored enumStored(Field f, Class<?> stored) {
        if (!stored.isEnum()) {
            return null;
        }
        Enumerated e = f.getAnnotation(Enumerated.class);
        return e != null && e.value() == EnumType.STRING ? Stored.NAME : Stored.ORDINAL;
    }

    static List<Mapped> allMappings() throws IOException {
        List<Mapped> all = new ArrayList<>();
        for (Class<?> entity : entities()) {
            all.addAll(mappings(entity));
        }
        return all;
    }

    /** What is wrong between the mappings and the schema, one line per problem. */
    static List<String> problems(List<Mapped> mappings) {
        List<String> problems = new ArrayList<>();
        for (Mapped m : mappings) {
            DbColumn db = SCHEMA.get(m.key());
            if (db == null) {
                problems.add(m.where() + ": no column " + m.table() + "." + m.column());
                continue;
            }
            String type = db.type().toUpperCase(Locale.ROOT);
            Class<?> java = m.javaType();
            if (m.lob()) {
                expect(problems, m, type.contains("LARGE OBJECT") || type.contains("LOB"), "a LOB, found " + type);
            } else if (java == String.class || m.enumStored() == Stored.NAME) {
                expect(problems, m, type.contains("CHAR"), "text, found " + type);
                expect(problems, m, db.size() == m.length(), "length " + m.length() + ", found " + db.size());
            } else if (java == Instant.class) {
                // InstantConverter writes UTC LocalDateTimes: a TIMESTAMP without time zone
                expect(problems, m, type.equals("TIMESTAMP"), "TIMESTAMP, found " + type);
            } else if (java == LocalDate.class) {
                // Oracle's DATE (H2's Oracle mode reports it as a TIMESTAMP without fractions)
                expect(problems, m, type.equals("DATE") || (type.equals("TIMESTAMP") && db.scale() == 0),
                        "a DATE, found " + type + "(" + db.scale() + ")");
            } else if (java == BigDecimal.class) {
                expect(problems, m, type.equals("NUMERIC") || type.equals("DECIMAL"), "a NUMBER, found " + type);
                expect(problems, m, db.size() == m.precision() && db.scale() == m.scale(),
                        "NUMBER(" + m.precision() + "," + m.scale() + "), found (" + db.size() + "," + db.scale() + ")");
            } else if (isWholeNumber(java) || m.enumStored() == Stored.ORDINAL) {
                expect(problems, m, type.equals("NUMERIC") || type.contains("INT"), "a number, found " + type);
                expect(problems, m, db.scale() == 0, "no decimals, found " + db.scale());
            } else {
                problems.add(m.where() + ": extend this test for a " + java.getName());
            }
            expect(problems, m, db.nullable() == m.mayBeNull(),
                    (m.mayBeNull() ? "nullable" : "NOT NULL") + " as mapped, but the column is "
                            + (db.nullable() ? "nullable" : "NOT NULL"));
        }
        return problems;
    }

    private static boolean isWholeNumber(Class<?> java) {
        return java == long.class || java == Long.class || java == int.class || java == Integer.class
                || java == short.class || java == Short.class || java == boolean.class || java == Boolean.class;
    }

    private static void expect(List<String> problems, Mapped m, boolean ok, String what) {
        if (!ok) {
            problems.add(m.where() + " -> " + m.table() + "." + m.column() + ": expected " + what);
        }
    }

    private static Set<String> tablesOfTheSchema() {
        Set<String> tables = new TreeSet<>();
        SCHEMA.keySet().forEach(k -> tables.add(k.substring(0, k.indexOf('.'))));
        return tables;
    }

    @Test
    void theEntitiesAreFound() throws IOException {
        Set<String> names = new TreeSet<>();
        entities().forEach(e -> names.add(e.getSimpleName()));
        assertTrue(names.containsAll(Set.of("Organisation", "UserAccount", "LoginThrottle", "ApiToken", "AuditEntry",
                "AuditChainHead", "Program", "FundingCall", "Declaration", "DeclarationTransition", "Attachment",
                "IntegrityRecord")), names.toString());
    }

    /** The columns of this scripts (V004-V006) are among those compared, by name. */
    @Test
    void theNewColumnsAreAmongThoseChecked() throws IOException {
        Set<String> checked = new TreeSet<>();
        allMappings().forEach(m -> checked.add(m.key()));
        for (String expected : List.of(
                "FUNDING_CALL.MAX_REQUEST", "FUNDING_CALL.RULE_PARAMETERS", "FUNDING_CALL.CREATED_BY",
                "FUNDING_CALL.PUBLISHED_BY", "FUNDING_CALL.PUBLISHED_AT",
                "CALL_ATTACHMENT_REQUIREMENT.CALL_ID", "CALL_ATTACHMENT_REQUIREMENT.POSITION",
                "CALL_ATTACHMENT_REQUIREMENT.NAME", "CALL_ATTACHMENT_REQUIREMENT.REQUIRED",
                "CALL_ATTACHMENT_REQUIREMENT.ALLOWED_TYPES",
                "CALL_SCORING_INDICATOR.CALL_ID", "CALL_SCORING_INDICATOR.POSITION", "CALL_SCORING_INDICATOR.NAME",
                "CALL_SCORING_INDICATOR.WEIGHT",
                "DECLARATION.CALL_ID", "DECLARATION.ENTERPRISE_ID", "DECLARATION.STATE", "DECLARATION.FIELD",
                "DECLARATION.PERIOD_START", "DECLARATION.SUMMARY", "DECLARATION.TOTAL_BUDGET",
                "DECLARATION.RD_EXPENSE_TAX", "DECLARATION.RD_EXPENSE_STAT", "DECLARATION.RD_EXPENSE_PRIOR",
                "DECLARATION.REVENUE", "DECLARATION.VALID_INVENTION_PATENTS", "DECLARATION.TOTAL_STAFF",
                "DECLARATION.REVISION", "DECLARATION.LAST_REASON", "DECLARATION.CREATED_BY",
                "DECLARATION_BUDGET_LINE.DECLARATION_ID", "DECLARATION_BUDGET_LINE.POSITION",
                "DECLARATION_BUDGET_LINE.CATEGORY", "DECLARATION_BUDGET_LINE.SOURCE", "DECLARATION_BUDGET_LINE.AMOUNT",
                "DECLARATION_ACHIEVEMENT.ACHIEVEMENT", "DECLARATION_ACHIEVEMENT.CERTIFICATE_NO",
                "DECLARATION_ACHIEVEMENT.RECOGNISED_ON",
                "DECLARATION_SERVICE_RECORD.PROVIDER_USCC", "DECLARATION_SERVICE_RECORD.INVOICE_DATE",
                "DECLARATION_SERVICE_RECORD.AMOUNT",
                "DECLARATION_TRANSITION.DECLARATION_ID", "DECLARATION_TRANSITION.FROM_STATE",
                "DECLARATION_TRANSITION.TO_STATE", "DECLARATION_TRANSITION.REASON",
                "ATTACHMENT.DECLARATION_ID", "ATTACHMENT.CONTENT_TYPE", "ATTACHMENT.SIZE_BYTES", "ATTACHMENT.WITHDRAWN",
                "ATTACHMENT.STORED_NAME", "ATTACHMENT.SHA256",
                "INTEGRITY_RECORD.SUBJECT_KIND", "INTEGRITY_RECORD.SUBJECT_USCC", "INTEGRITY_RECORD.VALID_FROM",
                "INTEGRITY_RECORD.VALID_UNTIL", "INTEGRITY_RECORD.REASON")) {
            assertTrue(checked.contains(expected), expected + " is not checked; checked: " + checked);
        }
    }

    @Test
    void everyMappedColumnExistsAsMapped() throws IOException {
        List<Mapped> mappings = allMappings();
        assertTrue(mappings.size() > 140, "attributes checked: " + mappings.size());
        assertEquals(List.of(), problems(mappings));
    }

    /** No column is mapped twice (two attributes writing one column is an error EclipseLink reports only at deploy). */
    @Test
    void noColumnIsMappedTwice() throws IOException {
        Map<String, String> seen = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Mapped m : allMappings()) {
            String before = seen.putIfAbsent(m.key(), m.where());
            if (before != null) {
                twice.add(m.key() + ": " + before + " and " + m.where());
            }
        }
        assertEquals(List.of(), twice);
    }

    /**
     * The other way round: every column of a table an entity maps is mapped, so that a NOT NULL column the
     * mapping forgets (an insert would fail) or a column nobody writes cannot hide; and every table is mapped
     * but the few that plain SQL handles.
     */
    @Test
    void everyColumnOfTheSchemaIsMapped() throws IOException {
        Set<String> mapped = new TreeSet<>();
        Set<String> mappedTables = new TreeSet<>();
        for (Mapped m : allMappings()) {
            mapped.add(m.key());
            mappedTables.add(m.table().toUpperCase(Locale.ROOT));
        }
        Set<String> unmappedColumns = new TreeSet<>();
        for (String key : SCHEMA.keySet()) {
            if (mappedTables.contains(key.substring(0, key.indexOf('.'))) && !mapped.contains(key)) {
                unmappedColumns.add(key);
            }
        }
        assertEquals(Set.of(), unmappedColumns);
        Set<String> unmappedTables = new TreeSet<>(tablesOfTheSchema());
        unmappedTables.removeAll(mappedTables);
        assertEquals(new TreeSet<>(UNMAPPED_TABLES), unmappedTables);
    }

    // The checker itself: each rule finds what it is there to find.

    @Embeddable
    static class Money {
        @Column(name = "amount", nullable = false, precision = 16, scale = 2)
        BigDecimal amount;
        @Column(name = "note", length = 50)
        String note;
    }

    enum Colour { RED }

    @Entity
    @Table(name = "declaration_budget_line")
    static class WrongLine {
        @ElementCollection
        @CollectionTable(name = "declaration_budget_line", joinColumns = @JoinColumn(name = "declaration_id"))
        @OrderColumn(name = "position")
        List<Money> lines;
    }

    @Entity
    @Table(name = "declaration")
    static class WrongDeclaration {
        @Embedded
        Money money;
        @Column(nullable = false, length = 32)
        Colour state;
        @Column(name = "total_budget", precision = 16, scale = 3)
        BigDecimal totalBudget;
        @Column(name = "period_start", nullable = false)
        LocalDate periodStart;
        @Column(name = "project_name", length = 200)
        LocalDate projectName;
    }

    @Test
    void theCheckerFindsWrongEmbeddablesEnumsPrecisionAndNullability() {
        List<Mapped> line = mappings(WrongLine.class);
        assertEquals(List.of("DECLARATION_BUDGET_LINE.DECLARATION_ID", "DECLARATION_BUDGET_LINE.POSITION",
                "DECLARATION_BUDGET_LINE.AMOUNT", "DECLARATION_BUDGET_LINE.NOTE"), line.stream().map(Mapped::key).toList());
        // since V016 a budget line's amount may be missing in a draft: Money's NOT NULL amount no longer fits it either
        assertEquals(List.of("WrongLine.lines (element).amount -> declaration_budget_line.amount: expected NOT NULL as mapped, "
                + "but the column is nullable", "WrongLine.lines (element).note: no column declaration_budget_line.note"), problems(line));

        List<String> problems = problems(mappings(WrongDeclaration.class));
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.contains("WrongDeclaration.money.amount: no column declaration.amount"), problems.toString());
        assertTrue(problems.contains("WrongDeclaration.money.note: no column declaration.note"), problems.toString());
        // an enum without @Enumerated(STRING) is stored by ordinal, which a text column does not take
        assertTrue(problems.contains("WrongDeclaration.state -> declaration.state: expected a number, found CHARACTER VARYING"),
                problems.toString());
        assertTrue(problems.contains("WrongDeclaration.totalBudget -> declaration.total_budget: expected NUMBER(16,3), found (16,2)"),
                problems.toString());
        assertTrue(problems.contains("WrongDeclaration.periodStart -> declaration.period_start: expected NOT NULL as mapped, "
                + "but the column is nullable"), problems.toString());
        assertTrue(problems.contains("WrongDeclaration.projectName -> declaration.project_name: expected a DATE, found "
                + "CHARACTER VARYING(0)"), problems.toString());
    }

    @Entity
    @Table(name = "funding_call")
    static class UnorderedList {
        @ElementCollection
        @CollectionTable(name = "call_scoring_indicator", joinColumns = @JoinColumn(name = "call_id"))
        List<org.innofund.program.domain.ScoringIndicator> template;
    }

    @Entity
    static class JoinTable {
        @OneToMany
        List<org.innofund.declaration.domain.DeclarationTransition> transitions;
    }

    @Entity
    static class WrongMappedBy {
        @OneToMany(mappedBy = "declarationX")
        List<org.innofund.declaration.domain.DeclarationTransition> transitions;
    }

    @Test
    void theCheckerRefusesWhatItDoesNotUnderstand() {
        assertThrows(AssertionError.class, () -> mappings(UnorderedList.class));
        assertThrows(AssertionError.class, () -> mappings(JoinTable.class));
        assertThrows(AssertionError.class, () -> mappings(WrongMappedBy.class));
    }
}
