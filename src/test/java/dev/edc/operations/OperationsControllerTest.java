package dev.edc.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.edc.access.AccessProperties;
import dev.edc.access.AdminKeys;
import dev.edc.access.ApiKeys;
import dev.edc.execution.ExecutionHistory;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.RecentExecutions;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import dev.edc.queue.QueueState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The operational endpoints at the HTTP edge, with API and admin keys on: who may read them (an
 * admin key in X-API-Key or as a bearer token; an API key 403; no key 401), what the listing
 * asks of the history, and the 400s of its parameters.
 */
@WebMvcTest(
        controllers = OperationsController.class,
        properties = {"edc.access.api-keys=team:team-key", "edc.access.admin-keys=ops:admin-key"})
@EnableConfigurationProperties(AccessProperties.class)
@Import({ApiKeys.class, AdminKeys.class})
class OperationsControllerTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Operations operations;

    @MockitoBean
    ExecutionHistory history;

    @MockitoBean
    LanguageRegistry languages;

    @Test
    void shouldAnswerAnAdminKeyInEitherHeader() throws Exception {
        when(operations.queue()).thenReturn(new QueueState("edc.jobs", 3, 4, 1));

        http.perform(get("/queue").header("X-API-Key", "admin-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.depth").value(3))
                .andExpect(jsonPath("$.consumers").value(4))
                .andExpect(jsonPath("$.deadLetters").value(1));
        http.perform(get("/queue").header("Authorization", "Bearer admin-key")).andExpect(status().isOk());
    }

    @Test
    void shouldRefuseAnApiKey403AndNoKeyOrAWrongOne401() throws Exception {
        http.perform(get("/workers").header("X-API-Key", "team-key"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("needs an admin key")));
        http.perform(get("/workers"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"EDC operations\""));
        http.perform(get("/executions").header("X-API-Key", "guessed")).andExpect(status().isUnauthorized());
        http.perform(get("/admin/overview").header("Authorization", "Bearer team-key"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(operations, history);
    }

    @Test
    void shouldListEveryOwnersExecutionsToAnAdminWithTheLanguageResolved() throws Exception {
        LanguageVersion javascript = mock(LanguageVersion.class);
        when(javascript.language()).thenReturn("javascript");
        when(languages.require("js", null)).thenReturn(javascript);
        when(history.recent(any())).thenReturn(List.of());

        http.perform(get("/executions?status=runtime_error&language=js&limit=5").header("X-API-Key", "admin-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());

        ArgumentCaptor<RecentExecutions> query = ArgumentCaptor.forClass(RecentExecutions.class);
        verify(history).recent(query.capture());
        assertThat(query.getValue())
                .isEqualTo(new RecentExecutions(null, ExecutionStatus.RUNTIME_ERROR, "javascript", 5));
    }

    @Test
    void shouldSayWhatIsWrongWithTheListingsParameters() throws Exception {
        http.perform(get("/executions?limit=1001").header("X-API-Key", "admin-key"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("limit is 1001 but must be between 1 and 1000."));
        http.perform(get("/executions?status=DONE").header("X-API-Key", "admin-key"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith(
                                "status 'DONE' is not one of QUEUED, RUNNING, SUCCESS")));
        verifyNoInteractions(history);
    }
}
