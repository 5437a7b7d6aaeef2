package dev.helpdesk.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The browser tests say what to install when the browser or its driver is missing; they never skip. */
class BrowserSetupTest {

    @Test
    void a_missing_browser_fails_with_what_to_install() {
        assertThatThrownBy(() -> Browser.executable("chromium", "/nonexistent/chromium"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chromium at /nonexistent/chromium")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }

    @Test
    void an_installed_program_is_taken_from_its_path() {
        assertThat(Browser.executable("a shell", "/bin/sh")).canRead();
    }
}
