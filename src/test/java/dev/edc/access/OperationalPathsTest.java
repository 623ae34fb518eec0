package dev.edc.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths an admin key guards: the operators', never the clients' nor the health probes. */
class OperationalPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/workers",
                "/queue",
                "/executions",
                "/admin/overview",
                "/actuator",
                "/actuator/prometheus",
                "/actuator/info",
                "/actuator/metrics/edc.workers"
            })
    void shouldGuardWhatOperatorsLookAt(String path) {
        assertThat(OperationalPaths.matches(path, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/execute-code",
                "/executions/abc",
                "/languages",
                "/",
                "/admin",
                "/admin/index.html",
                "/admin/admin.js",
                "/ws",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/health/liveness",
                "/actuatorx",
                "/v3/api-docs"
            })
    void shouldLeaveClientsPagesAndHealthProbesAlone(String path) {
        assertThat(OperationalPaths.matches(path, false)).isFalse();
    }

    @Test
    void shouldLeaveTheReadByUuidsToItsOwners() {
        assertThat(OperationalPaths.matches("/executions", true)).isFalse();
    }
}
