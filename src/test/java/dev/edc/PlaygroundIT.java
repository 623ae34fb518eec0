package dev.edc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page at {@code /} in a real browser, Debian's headless Chromium, running programs
 * through the whole service as a person would: pick a language, edit, type stdin, press Run, read.
 * Screenshots are left in {@code target/} for people to look at.
 */
class PlaygroundIT extends IntegrationTest {

    private static final Set<String> NOT_DONE = Set.of("IDLE", "SUBMITTING", "QUEUED", "RUNNING");

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        browser = HeadlessChromium.open(profile);
        browser.get("http://localhost:" + port + "/");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldRunTheJavaHelloWorldThePageOpensWith() throws IOException {
        assertThat(languageChoice().getFirstSelectedOption().getText()).startsWith("java 17");
        assertThat(editorText()).contains("public class HelloWorld", "System.out.println(\"Hello, World!\");");
        recordStatusChanges();

        run();

        assertThat(text("status")).isEqualTo("SUCCESS");
        assertThat(text("stdout")).isEqualTo("Hello, World!\n");
        assertThat(text("stderr")).isEmpty();
        assertThat(text("exit")).isEqualTo("0");
        assertThat(text("time")).matches("\\d+ ms");
        assertThat(text("memory")).matches("\\d+\\.\\d MB");
        assertThat(statusChanges())
                .as("progress shown before the result")
                .containsSubsequence("RUNNING", "SUCCESS"); // QUEUED is skipped when RUNNING beats the 202
        screenshot("playground.png");
    }

    @Test
    void shouldRunJavaScriptWithStdinAndShowStderrAndTheExitCode() throws IOException {
        languageChoice().selectByValue("javascript:20");
        assertThat(editorText()).isEqualTo("console.log('Hello, World!');\n");
        setEditorText("""
                const name = require('fs').readFileSync(0, 'utf8').trim();
                console.log(`Hello, ${name}!`);
                console.error('bye');
                process.exit(3);
                """);
        browser.findElement(By.id("stdin")).sendKeys("browser");

        run();

        assertThat(text("status")).isEqualTo("RUNTIME_ERROR");
        assertThat(text("stdout")).isEqualTo("Hello, browser!\n");
        assertThat(text("stderr")).isEqualTo("bye\n");
        assertThat(text("exit")).isEqualTo("3");
        screenshot("playground-javascript.png");
    }

    @Test
    void shouldShowTheCompilerMessagesOfJavaThatDoesNotCompile() throws IOException {
        languageChoice().selectByValue("java:21");
        setEditorText("public class Broken { public static void main(String[] args) { int x = \"text\"; } }");

        run();

        assertThat(text("status")).isEqualTo("COMPILATION_ERROR");
        assertThat(browser.findElement(By.id("compile-output")).isDisplayed()).isTrue();
        assertThat(text("compile-output")).contains("incompatible types");
        screenshot("playground-compile-error.png");
    }

    @Test
    void shouldShowWhyARequestWasRefused() {
        languageChoice();
        setEditorText("// " + "x".repeat(70_000));

        run();

        assertThat(text("status")).isEqualTo("HTTP 413");
        assertThat(text("message")).contains("code is 70003 bytes but this server accepts at most 65536 bytes.");
        assertThat(browser.findElement(By.id("run")).isEnabled())
                .as("ready to run again")
                .isTrue();
    }

    @Test
    void shouldKeepWhatWasTypedPerLanguage() {
        Select languages = languageChoice();
        setEditorText("class Mine {}");
        languages.selectByValue("javascript:20");
        languages.selectByValue("java:11");

        assertThat(editorText()).isEqualTo("class Mine {}");
    }

    private Select languageChoice() {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("language")).isEnabled());
        return new Select(browser.findElement(By.id("language")));
    }

    /** Presses Run once the page is connected, and waits for the result to be shown. */
    private void run() {
        WebElement button = browser.findElement(By.id("run"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> button.isEnabled());
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(b -> !NOT_DONE.contains(text("status")));
    }

    /** An element's exact text (textContent: Selenium's getText() trims the trailing newline). */
    private String text(String id) {
        return browser.findElement(By.id(id)).getDomProperty("textContent");
    }

    private String editorText() {
        return (String) script("return document.querySelector('.CodeMirror').CodeMirror.getValue();");
    }

    private void setEditorText(String code) {
        script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);", code);
    }

    private void recordStatusChanges() {
        script("""
                window.statusChanges = [];
                const status = document.getElementById('status');
                new MutationObserver(() => window.statusChanges.push(status.textContent))
                    .observe(status, { childList: true, characterData: true, subtree: true });
                """);
    }

    @SuppressWarnings("unchecked")
    private List<String> statusChanges() {
        return (List<String>) script("return window.statusChanges;");
    }

    private Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}
