package dev.edc.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.EdcClient;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The check of the tests that break a part under jobs: each job got its one result, the right one. */
final class OneResultEach {

    /** A JavaScript job that prints its index, and the subscription its result comes on. */
    interface Submitted {
        String uuid();

        int index();

        EdcClient.Subscription results();
    }

    private OneResultEach() {}

    /** Each job's result SUCCESS with its index printed, stored as pushed, and no second one. */
    static void assertFor(EdcClient edc, List<? extends Submitted> jobs, Duration wait) {
        for (Submitted job : jobs) {
            JsonNode result = job.results().next(wait);
            assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("SUCCESS");
            assertThat(result.get("stdout").asString()).isEqualTo(job.index() + "\n");
            assertThat(edc.get("/executions/" + job.uuid()).json())
                    .as("stored as pushed")
                    .isEqualTo(result);
        }
        await("no second result")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> jobs.stream().allMatch(job -> job.results().pending() == 0));
    }
}
