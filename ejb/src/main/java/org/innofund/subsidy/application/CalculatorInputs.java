package org.innofund.subsidy.application;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.identity.domain.Uscc;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The public calculator's inputs as a visitor typed them (ISSUE-12 "API" names), read into a kind's {@link KindInputs}
 * with every problem at once, each naming its field as the request does ({@code inputs.records[1].amount}). Money as
 * the API takes it: a number or a string like "300000.00", never negative, at most two decimals. Pure: the provider
 * registry is asked through {@code providers} (USCC, invoice date → facts).
 */
public final class CalculatorInputs {

    /** A count typed by a visitor (patents, staff): more than this is a typing error, not an enterprise. */
    static final int MAX_COUNT = 10_000_000;
    /**
     * The most achievements or service records one request may hold: more than any enterprise has in a year, and
     * each service record asks the provider registry, so that one anonymous request cannot ask it without end.
     */
    static final int MAX_ROWS = 200;

    private final List<FieldProblem> problems = new ArrayList<>();

    private CalculatorInputs() {
    }

    /** The kind named, or a problem on {@code kind}. */
    public static SubsidyKind kind(String name) {
        try {
            return SubsidyKind.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFormException(List.of(FieldProblem.of("kind", "calculator.kindUnknown",
                    name == null ? "" : name)));
        }
    }

    /** The inputs of the kind, or an {@link InvalidFormException} with every problem. */
    public static KindInputs parse(SubsidyKind kind, JsonObject inputs,
                                   BiFunction<String, LocalDate, ProviderFacts> providers) {
        CalculatorInputs reader = new CalculatorInputs();
        JsonObject in = inputs == null ? JsonValue.EMPTY_JSON_OBJECT : inputs;
        KindInputs result = switch (kind) {
            case PRE_APPROVED -> new KindInputs.PreApproved(reader.money(in, "approvedAmount", true),
                    reader.grade(in), reader.money(in, "auditedSpend", true), reader.money(in, "advancePaid", true),
                    Map.of());
            case RD_INVESTMENT -> new KindInputs.RdInvestment(reader.money(in, "rdExpenseTax", true),
                    reader.money(in, "rdExpenseStat", false), reader.money(in, "rdExpensePrevYear", true),
                    reader.money(in, "revenue", true), reader.count(in, "inventionPatents"),
                    reader.count(in, "inventionApplications"), reader.count(in, "rdStaff"),
                    reader.count(in, "totalStaff"), Map.of());
            case REWARD -> new KindInputs.Reward(reader.achievements(in), false, Map.of());
            case SHARED_SERVICE -> new KindInputs.SharedService(reader.flag(in, "firstYear"),
                    Money.ZERO, reader.records(in, providers), Map.of());
        };
        // a misspelt name would leave an optional figure out and change the amount without a word: named instead
        in.keySet().stream().filter(name -> !NAMES.get(kind).contains(name)).sorted().forEach(name ->
                reader.problems.add(FieldProblem.of(field(name), "calculator.unknownInput", field(name))));
        if (!reader.problems.isEmpty()) {
            throw new InvalidFormException(reader.problems);
        }
        return result;
    }

    /** The input names of each kind (ISSUE-12 "API"). */
    private static final Map<SubsidyKind, java.util.Set<String>> NAMES = Map.of(
            SubsidyKind.PRE_APPROVED, java.util.Set.of("approvedAmount", "grade", "auditedSpend", "advancePaid"),
            SubsidyKind.RD_INVESTMENT, java.util.Set.of("rdExpenseTax", "rdExpenseStat", "rdExpensePrevYear", "revenue",
                    "inventionPatents", "inventionApplications", "rdStaff", "totalStaff"),
            SubsidyKind.REWARD, java.util.Set.of("achievements"),
            SubsidyKind.SHARED_SERVICE, java.util.Set.of("firstYear", "records"));

    private static String field(String name) {
        return "inputs." + name;
    }

    private Money money(JsonObject in, String name, boolean required) {
        return money(in.get(name), field(name), required);
    }

    private Money money(JsonValue value, String field, boolean required) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                problems.add(FieldProblem.of(field, "calculator.required", field));
            }
            return null;
        }
        try {
            if (value instanceof JsonNumber number) {
                return Money.of(number.bigDecimalValue());
            }
            if (value instanceof JsonString text) {
                return Money.parse(text.getString());
            }
            problems.add(FieldProblem.of(field, "money.malformed", value.toString()));
        } catch (BusinessException e) {
            problems.add(new FieldProblem(field, e.messageKey(), List.of(e.arguments())));
        }
        return null;
    }

    private int count(JsonObject in, String name) {
        JsonValue value = in.get(name);
        String field = field(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            problems.add(FieldProblem.of(field, "calculator.required", field));
            return 0;
        }
        BigDecimal number = null;
        try {
            number = value instanceof JsonNumber n ? n.bigDecimalValue()
                    : value instanceof JsonString s ? new BigDecimal(s.getString().strip()) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || number.signum() < 0 || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
            problems.add(FieldProblem.of(field, "calculator.count", value.toString(), MAX_COUNT));
            return 0;
        }
        return number.intValueExact();
    }

    private boolean flag(JsonObject in, String name) {
        JsonValue value = in.get(name);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        problems.add(FieldProblem.of(field(name), "calculator.flag", field(name)));
        return false;
    }

    private Grade grade(JsonObject in) {
        String text = text(in, "grade", field("grade"));
        if (text == null) {
            return null;
        }
        try {
            return Grade.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field("grade"), "calculator.gradeUnknown", text));
            return null;
        }
    }

    private String text(JsonObject in, String name, String field) {
        JsonValue value = in.get(name);
        if (value instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString().strip();
        }
        problems.add(FieldProblem.of(field, "calculator.required", field));
        return null;
    }

    private LocalDate date(JsonObject in, String name, String field) {
        String text = text(in, name, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "calculator.date", text));
            return null;
        }
    }

    /** The elements of a list, in order; one that is not an object is a problem on its own place, and null. */
    private List<JsonObject> objects(JsonObject in, String name) {
        JsonValue value = in.get(name);
        if (!(value instanceof JsonArray array)) {
            problems.add(FieldProblem.of(field(name), "calculator.list", field(name)));
            return List.of();
        }
        if (array.size() > MAX_ROWS) {
            problems.add(FieldProblem.of(field(name), "calculator.tooManyRows", field(name), MAX_ROWS));
            return List.of();
        }
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonObject o) {
                objects.add(o);
            } else {
                problems.add(FieldProblem.of(field(name) + "[" + i + "]", "calculator.list", field(name)));
                objects.add(null);
            }
        }
        return objects;
    }

    private List<KindInputs.AchievementClaim> achievements(JsonObject in) {
        List<KindInputs.AchievementClaim> claims = new ArrayList<>();
        List<JsonObject> rows = objects(in, "achievements");
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.get(i);
            if (row == null) {
                continue;
            }
            String at = field("achievements[" + i + "].");
            String type = text(row, "type", at + "type");
            Achievement achievement = null;
            if (type != null) {
                try {
                    achievement = Achievement.valueOf(type.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of(at + "type", "calculator.achievementUnknown", type));
                }
            }
            String certificate = text(row, "certificateNo", at + "certificateNo");
            LocalDate date = date(row, "date", at + "date");
            claims.add(new KindInputs.AchievementClaim(achievement, certificate, date));
        }
        return claims;
    }

    /**
     * The service records with what the registry says on each invoice date. Whether a record is a related party's or
     * its invoice was claimed in a declaration is not known for an anonymous visitor: false (the calculator says so);
     * the same invoice number twice in the request counts the later one as claimed elsewhere.
     */
    private List<KindInputs.ServiceClaim> records(JsonObject in, BiFunction<String, LocalDate, ProviderFacts> providers) {
        List<KindInputs.ServiceClaim> claims = new ArrayList<>();
        Set<String> invoices = new HashSet<>();
        List<JsonObject> rows = objects(in, "records");
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.get(i);
            if (row == null) {
                continue;
            }
            String at = field("records[" + i + "].");
            String provider = text(row, "providerUscc", at + "providerUscc");
            if (provider != null) {
                try {
                    provider = Uscc.parse(provider.toUpperCase(Locale.ROOT)).value();
                } catch (BusinessException e) {
                    problems.add(new FieldProblem(at + "providerUscc", e.messageKey(), List.of(e.arguments())));
                    provider = null;
                }
            }
            String invoice = text(row, "invoiceNo", at + "invoiceNo");
            LocalDate date = date(row, "invoiceDate", at + "invoiceDate");
            Money amount = money(row.get("amount"), at + "amount", true);
            ProviderFacts facts = provider == null || date == null ? ProviderFacts.UNKNOWN : providers.apply(provider, date);
            boolean twice = invoice != null && !invoices.add(invoice);
            claims.add(new KindInputs.ServiceClaim(provider, invoice, date, amount, facts.listed(), facts.local(), false,
                    twice));
        }
        return claims;
    }
}
