package dev.edc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, through Debian's chromedriver: the browser of the page tests. */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A new browser with its own profile directory. */
    public static ChromeDriver open(Path profile) {
        assertThat(CHROMEDRIVER)
                .as("Debian's chromium and chromium-driver (scripts/services.sh installs them)")
                .isExecutable();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--window-size=1400,900",
                        // this machine's network is closed: no background calls home, no QUIC
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile);
        // Naming the driver keeps Selenium Manager from looking for (and downloading) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Leaves a screenshot in {@code target/} for people to look at. */
    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(file, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
