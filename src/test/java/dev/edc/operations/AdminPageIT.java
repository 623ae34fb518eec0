package dev.edc.operations;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.EdcClient;
import dev.edc.HeadlessChromium;
import dev.edc.IntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The admin page at {@code /admin} in a real browser (Debian's headless Chromium), with admin keys
 * on: it asks for the key, refuses a wrong one, then shows this process's worker and the queue as
 * the broker counts it, and executions as they end, failures first, without a reload (over the
 * admin STOMP topic). A screenshot is left in {@code target/admin.png}.
 */
@TestPropertySource(properties = {"edc.access.admin-keys=ops:the-admin-key", "edc.pool.enabled=false"})
class AdminPageIT extends IntegrationTest {

    private static final String KEY = "the-admin-key";

    @Autowired
    StringRedisTemplate redis;

    private ChromeDriver browser;

    @BeforeEach
    void openThePage(@TempDir Path profile) {
        // the page lists the 200 most recent executions: start from none, whatever earlier tests ran
        redis.delete(List.of("edc:executions:{recent}", "edc:executions:{recent}:summaries"));
        browser = HeadlessChromium.open(profile);
        browser.get("http://localhost:" + port + "/admin");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldAskForTheAdminKeyThenShowThisWorkerAndTheQueue() throws Exception {
        enterKey("not-the-key");
        waitUntil(() -> text("key-message").contains("not a valid admin key"));
        assertThat(element("dashboard").isDisplayed()).isFalse();

        enterKey(KEY);

        waitUntil(() -> element("dashboard").isDisplayed());
        assertThat(element("key-form").isDisplayed())
                .as("the key asked for no more")
                .isFalse();
        String id = InetAddress.getLocalHost().getHostName() + "-"
                + ProcessHandle.current().pid();
        WebElement worker = waitFor(By.cssSelector("#workers tr[data-id='" + id + "']"));
        assertThat(worker.getText()).contains("javascript 20", "java 17", "/ 2");
        waitUntil(() -> text("connection").equals("live"));
        assertThat(edc.get("/queue").status())
                .as("the page's data needs the key")
                .isEqualTo(401);
        long consumers = queueAsAdmin().get("consumers").asLong();
        waitUntil(() -> text("queue-consumers").equals(Long.toString(consumers)));
        assertThat(text("queue-depth")).matches("\\d+");
        assertThat(text("worker-count")).matches("[1-9]\\d*");
        HeadlessChromium.screenshot(browser, "admin.png");
    }

    @Test
    void shouldShowExecutionsAsTheyEndFailuresFirstWithoutAReload() throws IOException {
        enterKey(KEY);
        waitUntil(() -> text("connection").equals("live"));
        script("window.notReloaded = true;");

        String succeeded = uniqueId("admin-ok");
        String failed = uniqueId("admin-failed");
        edc.run(Map.of("uuid", succeeded, "language", "js", "code", "console.log('fine')"));
        edc.run(Map.of("uuid", failed, "language", "js", "code", "process.exit(3)"));

        waitFor(By.cssSelector("#executions tr[data-uuid='" + succeeded + "']"));
        waitFor(By.cssSelector("#executions tr[data-uuid='" + failed + "']"));
        List<String> order = browser.findElements(By.cssSelector("#executions tr")).stream()
                .map(row -> row.getDomAttribute("data-uuid"))
                .toList();
        WebElement failure = element("executions").findElement(By.cssSelector("tr[data-uuid='" + failed + "']"));

        assertThat(order.indexOf(failed)).as("failures first").isLessThan(order.indexOf(succeeded));
        assertThat(failure.getDomAttribute("class")).isEqualTo("failure");
        assertThat(failure.getText()).startsWith("RUNTIME_ERROR").contains("3");
        assertThat(script("return window.notReloaded === true;")).isEqualTo(true);
        waitUntil(() -> Integer.parseInt(text("finished-5m")) >= 2 && Integer.parseInt(text("failed-5m")) >= 1);
        HeadlessChromium.screenshot(browser, "admin-executions.png");
    }

    private JsonNode queueAsAdmin() {
        try (EdcClient admin = new EdcClient(port, KEY)) {
            return admin.get("/queue").json();
        }
    }

    private void enterKey(String key) {
        waitUntil(() -> element("key-form").isDisplayed());
        element("key").clear();
        element("key").sendKeys(key);
        element("key-submit").click();
    }

    private WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String id) {
        return element(id).getDomProperty("textContent");
    }

    private WebElement waitFor(By selector) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.findElement(selector));
    }

    private void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> condition.getAsBoolean());
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
