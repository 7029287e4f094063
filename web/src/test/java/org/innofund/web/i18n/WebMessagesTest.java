package org.innofund.web.i18n;

import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.declaration.application.RevisionChanges;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.evaluation.application.AssignmentGroup;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.evaluation.domain.Evaluation;
import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.identity.application.UserFilter;
import org.innofund.identity.domain.OrganisationKind;
import org.innofund.identity.domain.Role;
import org.innofund.integrity.domain.IntegrityRecord.SubjectKind;
import org.innofund.platform.backup.BackupReason;
import org.innofund.program.domain.CallStatus;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.ObjectionState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page labels ({@code msg} in the pages, {@code org.innofund.web.i18n.messages}) in both languages, and every
 * key the pages and backing beans use, in the bundle it is looked up in.
 */
class WebMessagesTest {

    /** The module's directory is the working directory. */
    private static final Path BUNDLE_DIR = Path.of("src", "main", "resources", "org", "innofund", "web", "i18n");
    private static final Path PAGES = Path.of("src", "main", "webapp");
    private static final Path SOURCES = Path.of("src", "main", "java");

    /** The label prefix of each enum the bureau pages show by name. */
    private static final Map<Class<?>, String> ENUM_PREFIXES = Map.of(DeclarationState.class, "state.",
            CallStatus.class, "callStatus.", SubjectKind.class, "integrityKind.", ProjectField.class, "field.",
            BudgetCategory.class, "budget.", FundingSource.class, "source.", Achievement.class, "achievement.",
            BackupReason.class, "backupReason.", AuditAction.class, "auditAction.",
            org.innofund.evaluation.domain.RelationshipKind.class, "relationshipKind.");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties file(String name) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLE_DIR.resolve(name), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    /** The business messages of the ejb module, from the class path as the server sees them. */
    private static Properties businessMessages() throws IOException {
        Properties p = new Properties();
        try (InputStream in = WebMessagesTest.class.getClassLoader()
                .getResourceAsStream("org/innofund/shared/messages_zh_CN.properties")) {
            assertNotNull(in, "the ejb module's messages are on the class path");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> numbers = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }

    private static Set<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static void assertAllIn(Properties bundle, Set<String> keys, String what) {
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(bundle.stringPropertyNames());
        assertEquals(Set.of(), missing, what);
    }

    @Test
    void everyLabelIsInBothLanguages() throws IOException {
        Properties chinese = file("messages_zh_CN.properties");
        Properties english = file("messages_en.properties");
        assertTrue(chinese.size() > 100, "labels read: " + chinese.size());
        Set<String> onlyChinese = keys(chinese);
        onlyChinese.removeAll(keys(english));
        Set<String> onlyEnglish = keys(english);
        onlyEnglish.removeAll(keys(chinese));
        assertEquals(Set.of(), onlyChinese, "missing in messages_en.properties");
        assertEquals(Set.of(), onlyEnglish, "missing in messages_zh_CN.properties");
    }

    @Test
    void labelsAreNotEmptyAndUseTheSameArgumentsInBothLanguages() throws IOException {
        Properties chinese = file("messages_zh_CN.properties");
        Properties english = file("messages_en.properties");
        for (String key : keys(chinese)) {
            assertFalse(chinese.getProperty(key).isBlank(), key);
            assertFalse(english.getProperty(key).isBlank(), key);
            assertEquals(placeholders(chinese.getProperty(key)), placeholders(english.getProperty(key)), key);
        }
    }

    /** Labels with arguments go through MessageFormat (h:outputFormat, Feedback.label): no text may be lost. */
    @Test
    void labelsWithArgumentsFormatWithoutLosingText() throws IOException {
        for (Map.Entry<Locale, String> language : Map.of(Locale.ENGLISH, "messages_en.properties",
                Locale.SIMPLIFIED_CHINESE, "messages_zh_CN.properties").entrySet()) {
            Properties labels = file(language.getValue());
            for (String key : keys(labels)) {
                String pattern = labels.getProperty(key);
                Set<Integer> numbers = placeholders(pattern);
                if (numbers.isEmpty()) {
                    continue;
                }
                Object[] arguments = new Object[numbers.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
                String expected = pattern;
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = "<A" + i + ">";
                    expected = expected.replace("{" + i + "}", arguments[i].toString());
                }
                assertEquals(expected, new MessageFormat(pattern, language.getKey()).format(arguments),
                        language.getKey() + " " + key);
            }
        }
    }

    @Test
    void everyLabelThePagesUseExists() throws IOException {
        Set<String> used = matches(PAGES, ".xhtml", Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]"));
        assertTrue(used.contains("audit.title") && used.contains("common.search"), "the scan works: " + used);
        assertAllIn(file("messages_zh_CN.properties"), used, "labels used in the pages");
        assertAllIn(file("messages_en.properties"), used, "labels used in the pages");
    }

    /** The pages build some keys from enum names: {@code msg['role.'.concat(r)]} and the like. */
    @Test
    void everyLabelBuiltFromAnEnumExists() throws IOException {
        Set<String> used = matches(PAGES, ".xhtml", Pattern.compile("msg\\['([A-Za-z0-9_.]+\\.)'\\.concat"));
        assertEquals(Set.of("role.", "subsidy.", "audit.outcome.", "state.", "callStatus.", "integrityKind.", "field.",
                "budget.", "source.", "achievement.", "param.", "backupReason.", "auditAction.", "users.status.",
                "revisionField.", "revisionChange.", "relationshipKind.", "assignmentState.", "evaluationStage.",
                "assignmentGroup.", "grade.", "verdict.", "evaluationState.", "approvalListState.", "projectState.", "objectionState.",
                "agreementState.", "changeKind.", "changeState.", "runState.", "providerStatus.", "confirmationState.", "sandbox.change.", "ledgerAccount.",
                "ledgerTransactionKind.", "paymentItemState.", "recoveryState.", "recoveryOrigin.", "agreement.trancheLine.",
                "money.tranche.", "money.recoveryState.", "moneyBlock.", "paymentBatchState.", "paymentResult.",
                "certificateType.", "certificateState."), used,
                "update this test for a new prefix");
        Set<String> keys = new TreeSet<>();
        for (Role r : Role.values()) {
            keys.add("role." + r.name());
        }
        for (SubsidyKind k : SubsidyKind.values()) {
            keys.add("subsidy." + k.name());
        }
        for (AuditOutcome o : AuditOutcome.values()) {
            keys.add("audit.outcome." + o.name());
        }
        for (OrganisationKind k : OrganisationKind.values()) {
            keys.add("kind." + k.name());
        }
        for (UserFilter.Status s : UserFilter.Status.values()) {
            keys.add("users.status." + s.name());
        }
        for (RevisionChanges.Field f : RevisionChanges.Field.values()) {
            keys.add("revisionField." + f.name());
        }
        for (RevisionChanges.Change c : RevisionChanges.Change.values()) {
            keys.add("revisionChange." + c.name());
        }
        for (Enum<?>[] values : List.<Enum<?>[]>of(DeclarationState.values(), CallStatus.values(), SubjectKind.values(),
                ProjectField.values(), BudgetCategory.values(), FundingSource.values(), Achievement.values(),
                BackupReason.values(), AuditAction.values())) {
            for (Enum<?> v : values) {
                keys.add(ENUM_PREFIXES.get(v.getDeclaringClass()) + v.name());
            }
        }
        // issue 10's pages: the assignment's state, stage and the agency's work-list group
        for (org.innofund.subsidy.domain.ProviderStatus s : org.innofund.subsidy.domain.ProviderStatus.values()) {
            keys.add("providerStatus." + s.name());
        }
        for (AssignmentState s : AssignmentState.values()) {
            keys.add("assignmentState." + s.name());
        }
        for (EvaluationStage s : EvaluationStage.values()) {
            keys.add("evaluationStage." + s.name());
        }
        for (AssignmentGroup g : AssignmentGroup.values()) {
            keys.add("assignmentGroup." + g.name());
        }
        // issue 12's confirmation requests (免申即享)
        for (org.innofund.subsidy.domain.ConfirmationState s : org.innofund.subsidy.domain.ConfirmationState.values()) {
            keys.add("confirmationState." + s.name());
        }
        // issue 11's objections
        for (ObjectionState s : ObjectionState.values()) {
            keys.add("objectionState." + s.name());
        }
        for (Enum<?>[] values : List.<Enum<?>[]>of(Grade.values(), Verdict.values(), Evaluation.State.values())) {
            String prefix = Map.of(Grade.class, "grade.", Verdict.class, "verdict.", Evaluation.State.class, "evaluationState.")
                    .get(values[0].getDeclaringClass());
            for (Enum<?> v : values) {
                keys.add(prefix + v.name());
            }
        }
        // issue 11's pages: an approval list's and a project's state
        for (org.innofund.project.domain.ApprovalListState s : org.innofund.project.domain.ApprovalListState.values()) {
            keys.add("approvalListState." + s.name());
        }
        for (org.innofund.project.domain.ProjectState s : org.innofund.project.domain.ProjectState.values()) {
            keys.add("projectState." + s.name());
        }
        // issue 11 (agreement): the agreement's state, a change request's kind and state
        for (Enum<?>[] values : List.<Enum<?>[]>of(org.innofund.project.domain.AgreementState.values(), org.innofund.project.domain.ChangeKind.values(),
                org.innofund.project.domain.ChangeState.values())) {
            String name = values[0].getDeclaringClass().getSimpleName();
            for (Enum<?> v : values) {
                keys.add(Character.toLowerCase(name.charAt(0)) + name.substring(1) + "." + v.name());
            }
        }
        // issue 14: a document's type and state
        for (org.innofund.certificate.domain.CertificateType t : org.innofund.certificate.domain.CertificateType.values()) {
            keys.add("certificateType." + t.name());
        }
        for (org.innofund.certificate.domain.CertificateState t : org.innofund.certificate.domain.CertificateState.values()) {
            keys.add("certificateState." + t.name());
        }
        // issue 13: the ledger's accounts and transactions
        for (org.innofund.payment.domain.LedgerAccount a : org.innofund.payment.domain.LedgerAccount.values()) {
            keys.add("ledgerAccount." + a.name());
        }
        for (org.innofund.payment.domain.LedgerTransactionKind k : org.innofund.payment.domain.LedgerTransactionKind.values()) {
            keys.add("ledgerTransactionKind." + k.name());
        }
        for (org.innofund.payment.domain.Tranche t : org.innofund.payment.domain.Tranche.values()) {
            keys.add("money.tranche." + t.name());
        }
        for (org.innofund.payment.domain.RecoveryState r : org.innofund.payment.domain.RecoveryState.values()) {
            keys.add("money.recoveryState." + r.name());
        }
        for (org.innofund.payment.application.EnterpriseMoneyView.BlockKind k
                : org.innofund.payment.application.EnterpriseMoneyView.BlockKind.values()) {
            keys.add("moneyBlock." + k.name());
        }
        for (org.innofund.payment.domain.PaymentItemState s : org.innofund.payment.domain.PaymentItemState.values()) {
            keys.add("paymentItemState." + s.name());
        }
        // issue 13: a recovery's state and origin
        for (org.innofund.payment.domain.RecoveryState s : org.innofund.payment.domain.RecoveryState.values()) {
            keys.add("recoveryState." + s.name());
        }
        for (org.innofund.payment.domain.RecoveryOrigin o : org.innofund.payment.domain.RecoveryOrigin.values()) {
            keys.add("recoveryOrigin." + o.name());
        }
        // issue 13: when an agreement's tranche is paid
        for (org.innofund.project.domain.PaymentTranche.Due d : org.innofund.project.domain.PaymentTranche.Due.values()) {
            keys.add("agreement.trancheLine." + d.name());
        }
        for (org.innofund.payment.domain.PaymentBatchState s : org.innofund.payment.domain.PaymentBatchState.values()) {
            keys.add("paymentBatchState." + s.name());
        }
        for (org.innofund.payment.domain.PaymentResult r : org.innofund.payment.domain.PaymentResult.values()) {
            keys.add("paymentResult." + r.name());
        }
        // issue 12: a calculation run's state
        for (org.innofund.subsidy.domain.RunState s : org.innofund.subsidy.domain.RunState.values()) {
            keys.add("runState." + s.name());
        }
        // issue 12 (sandbox): how an enterprise's result moves
        for (org.innofund.subsidy.domain.SandboxComparison.Change c : org.innofund.subsidy.domain.SandboxComparison.Change.values()) {
            keys.add("sandbox.change." + c.name());
        }
        for (SubsidyKind k : SubsidyKind.values()) {
            RuleParameters.defaults(k).asMap().keySet().forEach(name -> keys.add("param." + name));
        }
        for (RuleParameter.Unit u : RuleParameter.Unit.values()) {
            keys.add("paramRange." + u.name());
            keys.add("paramValue." + u.name());
        }
        assertAllIn(file("messages_zh_CN.properties"), keys, "labels of enum values");
        assertAllIn(file("messages_en.properties"), keys, "labels of enum values");
    }

    @Test
    void everyLabelTheBackingBeansUseExists() throws IOException {
        Set<String> used = matches(SOURCES, ".java",
                Pattern.compile("Feedback\\.(?:info|errorLabel|label)\\(\\s*\"([^\"]+)\""));
        // what an action says it did is handed on before it reaches Feedback: "users.disabledDone" and the like
        used.addAll(matches(SOURCES, ".java", Pattern.compile("\"([a-z]+\\.[a-zA-Z]+Done)\"")));
        // a key built from a prefix ("paramRange." + unit) is checked with the enum it is built from
        used.removeIf(key -> key.endsWith("."));
        assertTrue(used.containsAll(List.of("register.done", "users.createdDone", "users.disabledDone", "audit.verifyBroken")),
                used.toString());
        assertAllIn(file("messages_zh_CN.properties"), used, "labels used by the backing beans");
        assertAllIn(file("messages_en.properties"), used, "labels used by the backing beans");
    }

    /** The web layer also names business messages (API errors, page errors): those live in the ejb bundle. */
    @Test
    void everyBusinessMessageTheWebLayerNamesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(matches(SOURCES, ".java", Pattern.compile("ApiErrors\\.error\\([^,]+,\\s*\"([^\"]+)\"")));
        used.addAll(matches(SOURCES, ".java", Pattern.compile("ApiErrors\\.write\\([^;]*?,\\s*\"([^\"]+)\"\\s*\\)")));
        used.addAll(matches(SOURCES, ".java", Pattern.compile("Feedback\\.errorKey\\(\\s*\"([^\"]+)\"")));
        used.addAll(matches(SOURCES, ".java", Pattern.compile("new ApiError\\(\\s*\"([^\"]+)\"")));
        used.addAll(matches(SOURCES, ".java", Pattern.compile("[?:]\\s*\"([a-z]+\\.[A-Za-z.]+)\"")));
        assertTrue(used.containsAll(List.of("auth.invalidToken", "server.error", "validation.failed", "login.invalid",
                "auth.forbidden", "request.malformed")), used.toString());
        Properties business = businessMessages();
        assertAllIn(business, used, "business messages named by the web layer");
    }

    /**
     * English reads "Reason: …", never the Chinese full-width colon "：" (issue 9, item 18): not in an English label of
     * either bundle, nor typed into a page right after a label, where it would show in both languages.
     */
    @Test
    void englishUsesAnOrdinaryColon() throws IOException {
        Properties business = new Properties();
        try (InputStream in = WebMessagesTest.class.getClassLoader()
                .getResourceAsStream("org/innofund/shared/messages_en.properties")) {
            assertNotNull(in, "the ejb module's English messages are on the class path");
            business.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> fullWidth = new TreeSet<>();
        for (Properties english : List.of(file("messages_en.properties"), business)) {
            for (String key : keys(english)) {
                if (english.getProperty(key).contains("\uFF1A")) {
                    fullWidth.add(key + "=" + english.getProperty(key));
                }
            }
        }
        assertEquals(Set.of(), fullWidth, "English labels with a full-width colon");
        Set<String> afterLabel = matches(PAGES, ".xhtml", Pattern.compile("(msg\\['[A-Za-z0-9_.]+'\\]}\uFF1A)"));
        assertEquals(Set.of(), afterLabel, "a full-width colon typed after a label in a page: put it in the label");
    }
}
