package org.innofund.declaration.domain;

import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.Uscc;
import org.innofund.program.domain.AttachmentRequirement;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.Program;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.FileType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/** Calls of each kind open in 2025 and declarations that pass every check, for the tests to break one rule at a time. */
final class Fixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant CREATED = Instant.parse("2025-02-01T00:00:00Z");
    /** 2025-03-01 09:00 and 2025-04-30 17:00, Asia/Shanghai. */
    static final Instant OPENS = LocalDateTime.parse("2025-03-01T09:00").atZone(SHANGHAI).toInstant();
    static final Instant CLOSES = LocalDateTime.parse("2025-04-30T17:00").atZone(SHANGHAI).toInstant();
    static final Instant DURING = LocalDateTime.parse("2025-03-15T10:30").atZone(SHANGHAI).toInstant();

    /** The enterprise's own code and a provider's (both valid GB 32100-2015 codes). */
    static final String OWN_USCC = "91330282MA2H00001M";
    static final String PROVIDER_USCC = "91110000802100433B";

    static final String LICENCE = "营业执照";
    static final String REPORT = "项目可行性研究报告";
    static final String BUDGET_SHEET = "预算明细表";

    private Fixtures() {
    }

    static Organisation enterprise() {
        return Organisation.enterprise("宁波示范智能家电有限公司", Uscc.parse(OWN_USCC), "陈经理", "0574-63000001", CREATED);
    }

    /** A published call of the kind, budget 50,000,000.00, with the given limit per project (or none). */
    static FundingCall call(SubsidyKind kind, String maxRequest) {
        FundingCall call = FundingCall.draft(new Program("计划 " + kind, kind, "高新技术科", CREATED), "2025 年度申报 " + kind,
                2025, OPENS, CLOSES, new BigDecimal("50000000.00"), maxRequest == null ? null : new BigDecimal(maxRequest),
                "指南", "reviewer", CREATED);
        call.replaceRequiredAttachments(List.of(
                new AttachmentRequirement(LICENCE, true, EnumSet.of(FileType.PDF, FileType.JPG, FileType.PNG)),
                new AttachmentRequirement(REPORT, true, EnumSet.of(FileType.PDF)),
                new AttachmentRequirement(BUDGET_SHEET, false, EnumSet.of(FileType.XLSX))));
        call.publish("approver", CREATED);
        return call;
    }

    static FundingCall call(SubsidyKind kind) {
        return call(kind, kind == SubsidyKind.PRE_APPROVED ? "2000000.00" : null);
    }

    /** The names of the call's requirements that a file is attached for: the two required ones. */
    static java.util.Set<String> attached() {
        return java.util.Set.of(LICENCE, REPORT);
    }

    static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    static DeclarationContent.BudgetLineData line(BudgetCategory category, FundingSource source, String amount) {
        return new DeclarationContent.BudgetLineData(category, source, amount == null ? null : yuan(amount));
    }

    /** E_tax 5,200,000.00, E_stat 5,000,000.00, E0 4,000,000.00, revenue 100,000,000.00, 2 patents, 1 application, 20 of 100 staff. */
    static DeclarationContent.RdFiguresData rdFigures() {
        return new DeclarationContent.RdFiguresData(yuan("5200000.00"), yuan("5000000.00"), yuan("4000000.00"),
                yuan("100000000.00"), 2, 1, 20, 100);
    }

    static DeclarationContent.ServiceRecordData service(String invoiceNo, LocalDate date, String amount) {
        return new DeclarationContent.ServiceRecordData("宁波检测认证服务有限公司", PROVIDER_USCC, invoiceNo, date,
                amount == null ? null : yuan(amount));
    }

    /** A declaration of the kind that passes every check of a call made by {@link #call(SubsidyKind)}. */
    static DeclarationContent valid(SubsidyKind kind) {
        return switch (kind) {
            case PRE_APPROVED -> new DeclarationContent("高效变频压缩机关键技术研发", ProjectField.SMART_APPLIANCES,
                    LocalDate.of(2025, 7, 1), LocalDate.of(2027, 6, 30), "项目简介", "关键指标", yuan("1000000.00"),
                    List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "300000.00"),
                            line(BudgetCategory.MATERIALS, FundingSource.SELF_FUNDED, "500000.00"),
                            line(BudgetCategory.LABOUR, FundingSource.SUBSIDY, "200000.00")),
                    null, List.of(), List.of());
            case RD_INVESTMENT -> new DeclarationContent("2025 年度研发投入后补助", null, null, null, null, null, null,
                    List.of(), rdFigures(), List.of(), List.of());
            case REWARD -> new DeclarationContent("2025 年度培育奖励", null, null, null, null, null, null, List.of(), null,
                    List.of(new DeclarationContent.AchievementData(Achievement.HIGH_TECH_NEW, "GR202533000123",
                            LocalDate.of(2025, 11, 20))), List.of());
            case SHARED_SERVICE -> new DeclarationContent("2025 年度创新券", null, null, null, null, null, null, List.of(),
                    null, List.of(), List.of(service("INV-2025-001", LocalDate.of(2025, 5, 10), "30000.00")));
        };
    }

    static DeclarationContent withLines(DeclarationContent c, String total, List<DeclarationContent.BudgetLineData> lines) {
        return new DeclarationContent(c.projectName(), c.field(), c.periodStart(), c.periodEnd(), c.summary(),
                c.keyIndicators(), total == null ? null : yuan(total), lines, c.rdFigures(), c.achievements(),
                c.serviceRecords());
    }

    static DeclarationContent withRd(DeclarationContent.RdFiguresData rd) {
        DeclarationContent c = valid(SubsidyKind.RD_INVESTMENT);
        return new DeclarationContent(c.projectName(), null, null, null, null, null, null, List.of(), rd, List.of(), List.of());
    }

    static DeclarationContent withAchievements(List<DeclarationContent.AchievementData> achievements) {
        return new DeclarationContent("2025 年度培育奖励", null, null, null, null, null, null, List.of(), null,
                achievements, List.of());
    }

    static DeclarationContent withServices(List<DeclarationContent.ServiceRecordData> services) {
        return new DeclarationContent("2025 年度创新券", null, null, null, null, null, null, List.of(), null, List.of(),
                services);
    }
}
