package dev.edc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page at {@code /} in a real browser, Debian's headless Chromium, running programs
 * through the whole service as a person would: pick a language, edit, press Run, read the terminal,
 * type into it, press Stop, fill in test cases. Screenshots are left in {@code target/} for people
 * to look at.
 */
class PlaygroundIT extends IntegrationTest {

    private static final Set<String> NOT_DONE = Set.of("IDLE", "SUBMITTING", "QUEUED", "RUNNING");
    /** The terminal's palette colour of stderr. */
    private static final int RED = 1;
    /** Languages CodeMirror 5 has no mode for. */
    private static final Set<String> NOT_HIGHLIGHTED = Set.of("elixir");

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
        assertThat(editorText()).contains("public class Main", "System.out.println(\"Hello, World!\");");
        assertThat(browser.findElement(By.id("interactive")).isSelected())
                .as("a run is interactive unless unchecked")
                .isTrue();
        recordStatusChanges();

        run();

        assertThat(text("status")).isEqualTo("SUCCESS");
        assertTerminalShows("Hello, World!");
        assertThat(text("exit")).isEqualTo("0");
        assertThat(text("time")).matches("\\d+ ms");
        assertThat(text("memory")).matches("\\d+\\.\\d MB");
        assertThat(statusChanges())
                .as("progress shown before the result")
                .containsSubsequence("RUNNING", "SUCCESS"); // QUEUED is skipped when RUNNING beats the 202
        screenshot("playground.png");
    }

    @Test
    void shouldRunJavaScriptWithStdinAndShowStderrInRedAndTheExitCode() throws IOException {
        languageChoice().selectByValue("javascript:20");
        assertThat(editorText()).isEqualTo("console.log('Hello, World!');\n");
        setEditorText("""
                const name = require('fs').readFileSync(0, 'utf8').trim();
                console.log(`Hello, ${name}!`);
                console.error('bye');
                process.exit(3);
                """);
        browser.findElement(By.id("interactive")).click(); // the program reads to the end of its input
        browser.findElement(By.id("stdin")).sendKeys("browser");

        run();

        assertThat(text("status")).isEqualTo("RUNTIME_ERROR");
        assertTerminalShows("Hello, browser!\nbye");
        assertThat(terminalText(RED)).as("stderr, in red").isEqualTo("bye");
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

    @Test
    void shouldGreetTheNameTypedIntoTheTerminalAndEndItsInputWithCtrlD() throws IOException {
        languageChoice();
        setEditorText("""
                import java.util.Scanner;

                public class Greeter {
                    public static void main(String[] args) {
                        Scanner in = new Scanner(System.in);
                        System.out.print("What is your name? ");
                        String name = in.nextLine();
                        System.out.println("Hello, " + name + "!");
                        int lines = 0;
                        for (; in.hasNextLine(); lines++) in.nextLine();
                        System.out.println(lines + " more lines, then the end of the input");
                    }
                }
                """);

        press("run");
        awaitTerminal(text -> text.equals("What is your name?"), "the prompt");
        typeIntoTerminal("Adx" + Keys.BACK_SPACE + "a Lovelace" + Keys.ENTER);
        awaitTerminal(text -> text.endsWith("Hello, Ada Lovelace!"), "the greeting");
        assertThat(text("status")).as("still reading").isEqualTo("RUNNING");
        typeIntoTerminal("one" + Keys.ENTER + "two");
        new Actions(browser)
                .keyDown(Keys.CONTROL)
                .sendKeys("d")
                .keyUp(Keys.CONTROL)
                .perform();
        awaitResult();

        assertThat(text("status")).isEqualTo("SUCCESS");
        assertTerminalShows("""
                What is your name? Ada Lovelace
                Hello, Ada Lovelace!
                one
                two
                2 more lines, then the end of the input"""); // what was typed is echoed
        screenshot("playground-interactive.png");
    }

    @Test
    void shouldStopAnEndlessLoopWithStop() throws IOException {
        languageChoice();
        setEditorText("""
                public class Forever {
                    public static void main(String[] args) throws InterruptedException {
                        for (long i = 0; ; i++) {
                            System.out.println("tick " + i);
                            Thread.sleep(100);
                        }
                    }
                }
                """);

        press("run");
        awaitTerminal(text -> text.contains("tick 3"), "live output");
        assertThat(text("status")).isEqualTo("RUNNING");
        long stopped = System.nanoTime();
        press("stop");
        awaitResult();
        System.out.printf("[playground] Stop to CANCELLED shown: %d ms%n", (System.nanoTime() - stopped) / 1_000_000);

        assertThat(text("status")).isEqualTo("CANCELLED");
        assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("run")).isEnabled())
                .as("ready to run again")
                .isTrue();
        screenshot("playground-stopped.png");
    }

    @Test
    void shouldShowEachTestCaseVerdictAsItArrivesThenTheSummary() throws IOException {
        languageChoice();
        setEditorText("""
                import java.util.Scanner;

                public class Sum {
                    public static void main(String[] args) {
                        Scanner in = new Scanner(System.in);
                        System.out.println(in.nextInt() + in.nextInt());
                    }
                }
                """);
        browser.findElement(By.id("tab-tests")).click();
        press("add-case");
        List<WebElement> cases = browser.findElements(By.cssSelector("#cases > li"));
        fillCase(cases.get(0), "small", "1 2", "3");
        fillCase(cases.get(1), "wrong", "2 2", "5");
        new Select(browser.findElement(By.id("compare"))).selectByValue("tokens");
        script("""
                window.verdictsShown = [];
                new MutationObserver(() => window.verdictsShown.push(
                        [...document.querySelectorAll('#cases .verdict')].map((v) => v.textContent).join(',')
                        + ' ' + document.getElementById('status').textContent))
                    .observe(document.querySelector('main'), { childList: true, characterData: true, subtree: true });
                """);

        press("run-tests");
        awaitResult();

        assertThat(text("status")).isEqualTo("WRONG_ANSWER");
        assertThat(cases.get(0).findElement(By.className("verdict")).getText()).isEqualTo("PASSED");
        assertThat(cases.get(1).findElement(By.className("verdict")).getText()).isEqualTo("WRONG_ANSWER");
        assertThat(cases.get(1).findElement(By.className("difference")).getText())
                .isEqualTo("token 1: expected \"5\", got \"4\"");
        assertThat(cases.get(0).findElement(By.className("difference")).isDisplayed())
                .isFalse();
        assertThat(text("tests-summary")).isEqualTo("1 of 2 passed");
        assertThat(script("return window.verdictsShown;"))
                .as("each verdict shown while the run was still going")
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsSubsequence(
                        "PASSED, RUNNING", "PASSED,WRONG_ANSWER RUNNING", "PASSED,WRONG_ANSWER WRONG_ANSWER");
        assertTerminalShows("-- small\n3\n-- PASSED, %s ms\n-- wrong\n4\n-- WRONG_ANSWER, %s ms"
                .formatted(caseTime(0), caseTime(1)));
        screenshot("playground-tests.png");
    }

    @Test
    void shouldOpenEveryLanguageWithAHighlightedHelloWorldThatRunsInEachVersion() {
        Select choice = languageChoice();
        List<String> versions = choice.getOptions().stream()
                .map(option -> option.getDomProperty("value"))
                .toList();
        browser.findElement(By.id("interactive")).click();
        for (String version : versions) {
            String language = version.substring(0, version.indexOf(':'));
            choice.selectByValue(version);
            assertThat(editorText()).as(language).contains("Hello, World!");
            if (!NOT_HIGHLIGHTED.contains(language)) {
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .withMessage(language + " is highlighted")
                        .until(b -> !b.findElements(By.cssSelector(".CodeMirror-code .cm-string"))
                                .isEmpty());
            }
            long started = System.nanoTime();
            run();
            assertThat(text("status"))
                    .as(version + ": " + text("compile-output"))
                    .isEqualTo("SUCCESS");
            assertTerminalShows("Hello, World!");
            System.out.printf(
                    "[playground] %s: hello world highlighted, ran in %d ms%n",
                    version, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private Select languageChoice() {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("language")).isEnabled());
        return new Select(browser.findElement(By.id("language")));
    }

    /** Presses Run once the page is connected, and waits for the result to be shown. */
    private void run() {
        press("run");
        awaitResult();
    }

    private void press(String button) {
        WebElement element = browser.findElement(By.id(button));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> element.isEnabled());
        element.click();
    }

    private void awaitResult() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(b -> !NOT_DONE.contains(text("status")));
    }

    private void awaitTerminal(Predicate<String> condition, String what) {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .withMessage(() -> what + " in the terminal; it shows: " + terminalText())
                .until(b -> condition.test(terminalText()));
    }

    /** Waits for the terminal to show that text (writing to it takes a moment). */
    private void assertTerminalShows(String expected) {
        awaitTerminal(expected::equals, '"' + expected + '"');
    }

    /** Types as a person does: a click into the terminal, then keys. */
    private void typeIntoTerminal(CharSequence keys) {
        browser.findElement(By.id("terminal")).click();
        new Actions(browser).sendKeys(keys).perform();
    }

    /** The terminal's text: its lines (a wrapped line as one), trailing spaces and empty lines left out. */
    private String terminalText() {
        return terminalText(-1);
    }

    /** Only the characters written in one of the terminal's palette colours ({@code -1}: all). */
    private String terminalText(int colour) {
        return (String) script("""
                const buffer = document.getElementById('terminal').xterm.buffer.active;
                const colour = arguments[0];
                let text = '';
                for (let y = 0; y < buffer.length; y++) {
                    const line = buffer.getLine(y);
                    let row = '';
                    for (let x = 0; x < line.length; x++) {
                        const cell = line.getCell(x);
                        if (colour < 0 || (cell.isFgPalette() && cell.getFgColor() === colour)) row += cell.getChars() || ' ';
                    }
                    text += (y > 0 && !line.isWrapped ? '\\n' : '') + row.replace(/ +$/, '');
                }
                return colour < 0 ? text.replace(/\\s+$/, '') : text.trim();
                """, colour);
    }

    private void fillCase(WebElement item, String name, String stdin, String expected) {
        WebElement nameField = item.findElement(By.className("case-name"));
        nameField.clear();
        nameField.sendKeys(name);
        item.findElement(By.className("case-stdin")).sendKeys(stdin);
        item.findElement(By.className("case-expected")).sendKeys(expected);
    }

    /** The time a case's verdict gives, as its badge's title shows it. */
    private String caseTime(int index) {
        String title = browser.findElements(By.cssSelector("#cases .verdict"))
                .get(index)
                .getDomAttribute("title");
        return title.substring(0, title.indexOf(" ms"));
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
