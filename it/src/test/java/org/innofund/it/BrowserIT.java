package org.innofund.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key journeys in a real browser (Debian's headless Chromium): registration, login per role, language, lockout. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("innofund.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1024", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium-it"));
        driver = new ChromeDriver(options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void open(String path) {
        driver.get(Http.BASE + path);
    }

    private String pageTitle() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pageTitle"))).getText();
    }

    private void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private void login(String username, String password) {
        open("login.xhtml");
        type("loginForm:username", username);
        type("loginForm:password", password);
        driver.findElement(By.id("loginForm:submit")).click();
    }

    private String errorMessages() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error"))).getText();
    }

    @ParameterizedTest
    @CsvSource({
            "enterprise1, 申报单位工作台",
            "agency1, 评估机构工作台",
            "reviewer, 业务科室工作台",
            "approver, 分管领导工作台",
            "finance, 计财科工作台",
            "admin, 系统管理工作台"})
    void eachDemoRoleLandsOnItsChineseHomePage(String username, String title) {
        login(username, TestData.DEMO_PASSWORD);
        assertEquals(title, pageTitle());
        assertTrue(driver.findElement(By.id("currentUser")).isDisplayed());
    }

    @Test
    void anEnterpriseRegistersThenLogsIn() {
        String username = TestData.newUsername("web");
        String uscc = TestData.newUscc();
        open("register.xhtml");
        assertEquals("企业注册", pageTitle());
        type("registerForm:companyName", "浏览器测试科技有限公司");
        type("registerForm:uscc", TestData.withWrongCheck(uscc));
        type("registerForm:contactName", "测试员");
        type("registerForm:contactPhone", "0574-12345678");
        type("registerForm:username", username);
        type("registerForm:password", "browser-password-1");
        type("registerForm:passwordRepeat", "browser-password-1");
        driver.findElement(By.id("registerForm:submit")).click();
        assertTrue(errorMessages().contains("校验位"), "the message names the failed rule");

        type("registerForm:uscc", uscc);
        type("registerForm:password", "browser-password-1");
        type("registerForm:passwordRepeat", "browser-password-1");
        driver.findElement(By.id("registerForm:submit")).click();
        wait.until(ExpectedConditions.urlContains("login.xhtml"));
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-info"))).getText()
                .contains("注册成功"));

        login(username, "browser-password-1");
        assertEquals("申报单位工作台", pageTitle());
        assertTrue(driver.findElement(By.id("currentUser")).getText().contains("浏览器测试科技有限公司"));
    }

    @Test
    void theLanguageSwitchesToEnglishAndBack() {
        open("index.xhtml");
        assertTrue(driver.findElement(By.id("langForm:langEn")).isDisplayed());
        driver.findElement(By.id("langForm:langEn")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("langForm:langZh")));
        assertEquals("InnoFund Tech-Project Funding", pageTitle());

        login("reviewer", TestData.DEMO_PASSWORD);
        assertEquals("Reviewer workspace", pageTitle());

        driver.findElement(By.id("langForm:langZh")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("langForm:langEn")));
        assertEquals("业务科室工作台", pageTitle());
    }

    @Test
    void fiveWrongPasswordsShowTheLockoutMessage() {
        String username = TestData.newUsername("locked");
        for (int i = 1; i <= 4; i++) {
            login(username, "wrong-password-" + i);
            assertTrue(errorMessages().contains("用户名或密码错误"));
        }
        login(username, "wrong-password-5");
        assertTrue(errorMessages().contains("锁定 15 分钟"), driver.getPageSource().substring(0, 200));
    }

    @Test
    void theAdministratorSeesTheAuditEntriesOfWhatWasDoneAndVerifiesTheChain() {
        login("admin", TestData.DEMO_PASSWORD);
        assertEquals("系统管理工作台", pageTitle());
        open("admin/audit.xhtml");
        assertEquals("审计日志", pageTitle());
        type("auditForm:user", "admin");
        driver.findElement(By.id("auditForm:search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auditForm:entries"), "LOGIN"));
        driver.findElement(By.id("auditForm:verify")).click();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-info"))).getText()
                .contains("审计链完整"));
    }
}
