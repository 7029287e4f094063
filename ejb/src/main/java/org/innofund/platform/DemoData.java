package org.innofund.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.evaluation.domain.AgencyProfile;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.Uscc;
import org.innofund.identity.domain.UserAccount;
import org.innofund.identity.infrastructure.PasswordHasher;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.innofund.payment.application.LedgerPostings;
import org.innofund.program.domain.AttachmentRequirement;
import org.innofund.program.domain.CallNotice;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.Program;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Clocks;
import org.innofund.shared.FileType;
import org.innofund.shared.UploadInspector;
import org.innofund.program.infrastructure.CallNoticeContentStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Demo organisations, users and calls, loaded once into an empty database when {@code innofund.demo=true}
 * (the run command and the tests set it; production leaves it off).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class DemoData {

    /** The demo users' password (at least 10 characters, as every password). */
    public static final String PASSWORD = "Demo#2026pass";
    public static final String ENTERPRISE_1_USCC = "91330282MA2H00001M";
    public static final String ENTERPRISE_2_USCC = "91330282MA2H00002Q";
    public static final String AGENCY_USCC = "12330200MB00000032";
    /** A second agency, so that one agency's isolation from another can be tried on the demo data. */
    public static final String AGENCY_2_USCC = "12330200MB00000045";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "innofund.demo", defaultValue = "false")
    private boolean demo;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Clock clock;

    @jakarta.ejb.EJB
    private DatabaseMigrator database;

    @jakarta.ejb.EJB
    private LedgerPostings ledger;

    @Inject
    private CallNoticeContentStore notices;

    @PostConstruct
    void start() {
        if (demo && database.unavailable().isEmpty()) { // a database that does not open is not written to
            loadIfEmpty();
        }
    }

    /** Loads the demo data only into a database without any organisation; a second start changes nothing. */
    @PermitAll
    public boolean loadIfEmpty() {
        long organisations = em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
        if (organisations > 0) {
            return false;
        }
        loadInto(clock.instant());
        return true;
    }

    private void loadInto(Instant now) {
        Organisation bureau = persist(Organisation.bureau("慈溪市科学技术局", now));
        // the bureau's people with their departments: an enterprise sees the department that handles its matter
        user("reviewer", "业务科室 王审核", bureau, Role.REVIEWER, now).edit("业务科室 王审核", "高新技术科", Set.of(Role.REVIEWER));
        user("approver", "分管领导 李审批", bureau, Role.APPROVER, now).edit("分管领导 李审批", "局领导", Set.of(Role.APPROVER));
        user("finance", "计财科 张财务", bureau, Role.FINANCE, now).edit("计财科 张财务", "计划财务科", Set.of(Role.FINANCE));
        user("admin", "系统管理员", bureau, Role.ADMIN, now);

        Organisation e1 = persist(Organisation.enterprise("宁波示范智能家电有限公司", Uscc.parse(ENTERPRISE_1_USCC),
                "陈经理", "0574-63000001", now));
        Organisation e2 = persist(Organisation.enterprise("慈溪示范新材料科技有限公司", Uscc.parse(ENTERPRISE_2_USCC),
                "周经理", "0574-63000002", now));
        user("enterprise1", "陈经理", e1, Role.ENTERPRISE, now);
        user("enterprise2", "周经理", e2, Role.ENTERPRISE, now);

        Organisation agency = persist(Organisation.agency("浙江示范科技评估中心", Uscc.parse(AGENCY_USCC),
                "吴主任", "0574-87000003", now));
        user("agency1", "吴主任", agency, Role.AGENCY, now);
        agencyProfile(agency, "科技评估机构甲级资质（省科技厅备案）", now, ProjectField.SMART_APPLIANCES, ProjectField.AUTOMOTIVE,
                ProjectField.HIGH_END_EQUIPMENT);
        Organisation agency2 = persist(Organisation.agency("另一家评估机构", Uscc.parse(AGENCY_2_USCC),
                "郑主任", "0574-87000004", now));
        user("agency2", "郑主任", agency2, Role.AGENCY, now);
        agencyProfile(agency2, "科技咨询与评估乙级资质", now, ProjectField.NEW_MATERIALS, ProjectField.DIGITAL_ECONOMY);

        Instant opens = ZonedDateTime.now(clock).minusDays(7).withHour(9).withMinute(0).withSecond(0).withNano(0).toInstant();
        Instant closes = ZonedDateTime.now(clock).plusDays(60).withHour(17).withMinute(0).withSecond(0).withNano(0).toInstant();
        // a project call may take several projects of one enterprise, each up to a limit
        call("产业技术研究与开发", SubsidyKind.PRE_APPROVED, "年度产业技术研究与开发项目申报", "50000000.00", "2000000.00", 3,
                opens, closes, now, new AttachmentRequirement("项目可行性研究报告", true, EnumSet.of(FileType.PDF)),
                new AttachmentRequirement("预算明细表", false, EnumSet.of(FileType.XLSX, FileType.PDF)));
        call("研发投入后补助", SubsidyKind.RD_INVESTMENT, "年度企业研发投入后补助", "30000000.00", null, 1, opens, closes, now,
                new AttachmentRequirement("研发费用加计扣除明细", true, EnumSet.of(FileType.PDF, FileType.XLSX)));
        call("高新技术企业认定奖励", SubsidyKind.REWARD, "年度科技型企业培育奖励", "10000000.00", null, 1, opens, closes, now,
                new AttachmentRequirement("认定证书", true, EnumSet.of(FileType.PDF, FileType.JPG, FileType.PNG)));
        call("创新券", SubsidyKind.SHARED_SERVICE, "年度创新券（共享服务后补助）", "5000000.00", null, 1, opens, closes, now,
                new AttachmentRequirement("服务合同与发票", true, EnumSet.of(FileType.PDF)));
        LOG.info("Demo data loaded");
    }

    /** The call's full guide (申报指南: conditions, support, materials, timetable, contact), one text per kind. */
    private static String guide(SubsidyKind kind) {
        try (InputStream in = DemoData.class.getResourceAsStream("guides/" + kind + ".txt")) {
            return new String(Objects.requireNonNull(in, "no guide for " + kind).readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The evaluation context's side of a demo agency: its qualification and fields. */
    private void agencyProfile(Organisation agency, String qualification, Instant now, ProjectField... fields) {
        AgencyProfile profile = new AgencyProfile(agency.getId(), now);
        profile.describe(qualification, EnumSet.copyOf(List.of(fields)));
        persist(profile);
    }

    private <T> T persist(T entity) {
        em.persist(entity);
        return entity;
    }

    private UserAccount user(String username, String name, Organisation org, Role role, Instant now) {
        return persist(new UserAccount(username, name, hasher.hash(PASSWORD), org, Set.of(role), now));
    }

    /** Prepared by the reviewer and published by the approver, as a real call would be (四眼原则). */
    private void call(String programName, SubsidyKind kind, String title, String budget, String maxRequest,
                      int declarationsPerEnterprise, Instant opens, Instant closes, Instant now,
                      AttachmentRequirement... ownRequirements) {
        Program program = persist(new Program(programName, kind, "高新技术科", now));
        int year = LocalDate.ofInstant(opens, Clocks.BUREAU_ZONE).getYear();
        FundingCall call = FundingCall.draft(program, year + title, year, opens, closes, new BigDecimal(budget),
                maxRequest == null ? null : new BigDecimal(maxRequest),
                guide(kind),
                "reviewer", now);
        call.changeParameter(RuleParameters.DECLARATIONS_PER_ENTERPRISE, BigDecimal.valueOf(declarationsPerEnterprise));
        List<AttachmentRequirement> requirements = new ArrayList<>();
        requirements.add(new AttachmentRequirement("营业执照", true, EnumSet.of(FileType.PDF, FileType.JPG, FileType.PNG)));
        requirements.addAll(List.of(ownRequirements));
        call.replaceRequiredAttachments(requirements);
        em.persist(call);
        em.flush();
        notice(call, now);
        call.publish("approver", now);
        ledger.allocateOnce(call, "approver"); // as publication does
    }

    /**
     * A small stand-in for the call's official notice (正式通知), so that the public page has a file to offer. In Latin
     * letters: the standard PDF fonts have no Chinese, and the CJK font is optional (see DeclarationPdf).
     */
    private void notice(FundingCall call, Instant now) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 760);
                text.showText("Official notice of call " + call.getId() + " (" + call.getYear() + ", "
                        + call.getProgram().getSubsidyKind() + ")");
                text.newLineAtOffset(0, -24);
                text.showText("InnoFund demo data: this file stands in for the bureau's notice.");
                text.endText();
            }
            document.save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadInspector.Inspected file = UploadInspector.inspect(new ByteArrayInputStream(pdf.toByteArray()), CallNotice.MAX_BYTES);
        try {
            em.persist(new CallNotice(call.getId(), "关于组织申报" + call.getTitle() + "的通知.pdf", file.type(), file.size(),
                    file.sha256(), "reviewer", now));
            em.flush();
            notices.store(call.getId(), file.file(), file.size());
        } finally {
            file.discard();
        }
    }
}
