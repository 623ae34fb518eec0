package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import dev.edc.execution.ExecutionJob;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.Limits;
import dev.edc.execution.ResultStore;
import dev.edc.execution.SourceFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Messages that reach the job queue without going through the API, as a bug, an old client or a
 * hand-made message would put them there: what can never run ends in the dead letters with an
 * {@code INTERNAL_ERROR} result and is never retried in a loop; a job whose result is stored is
 * acknowledged without running again.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterIT extends IntegrationTest {

    private static final Duration RESULT_WAIT = Duration.ofSeconds(60);

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    ResultStore store;

    @Value("${edc.queue.name:edc.jobs}")
    String queue;

    @Test
    void shouldDeadLetterAMessageThatIsNotJson(CapturedOutput output) {
        String uuid = uniqueId("garbage");

        JsonNode result = publishToQueuedExecution(uuid, "{ this is not a job".getBytes(StandardCharsets.UTF_8));

        assertDeadLettered(uuid, result, output);
        assertThat(count(output, "job " + uuid + ": malformed message, dead-lettered"))
                .as("rejected once, no loop")
                .isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAJobWithoutTheFieldsItNeeds(CapturedOutput output) {
        String uuid = uniqueId("partial");

        JsonNode result = publishToQueuedExecution(
                uuid,
                EdcClient.json(Map.of("uuid", uuid, "code", "console.log(1)")).getBytes(StandardCharsets.UTF_8));

        assertDeadLettered(uuid, result, output);
        assertThat(count(output, "job " + uuid + ": malformed message (no language or version), dead-lettered"))
                .as("rejected once, no loop")
                .isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAJobInALanguageNoWorkerHas(CapturedOutput output) {
        String uuid = uniqueId("cobol");
        ExecutionJob job = ExecutionJob.builder()
                .uuid(uuid)
                .language("cobol")
                .version("85")
                .files(List.of(new SourceFile("main.cob", "DISPLAY 'HELLO'.")))
                .args(List.of())
                .limits(new Limits(1000, 64, 64))
                .queuedAt(Instant.now())
                .build();

        JsonNode result = publishToQueuedExecution(uuid, EdcClient.json(job).getBytes(StandardCharsets.UTF_8));

        assertDeadLettered(uuid, result, output);
        assertThat(count(output, "execution " + uuid + ": can never run, dead-lettered: no language cobol 85"))
                .as("rejected once, no loop")
                .isEqualTo(1);
    }

    @Test
    void shouldAcknowledgeAFinishedJobWithoutRunningItAgain(CapturedOutput output) {
        String uuid = uniqueId("twice");
        String code = "console.log(Date.now())"; // a second run would print another number
        JsonNode first = edc.run(Map.of("uuid", uuid, "language", "javascript", "code", code));
        EdcClient.Subscription subscriber = edc.subscribe("/topic/result/" + uuid);
        assertThat(subscriber.next(Duration.ofSeconds(10))).isEqualTo(first);

        ExecutionJob again = ExecutionJob.builder()
                .uuid(uuid)
                .language("javascript")
                .version("20")
                .files(List.of(new SourceFile("main.js", code)))
                .args(List.of())
                .limits(new Limits(5000, 128, 64))
                .queuedAt(Instant.parse(first.get("queuedAt").asString()))
                .build();
        rabbit.send("", queue, message(uuid, EdcClient.json(again).getBytes(StandardCharsets.UTF_8)));
        awaitOutput(output, "execution " + uuid + ": already finished (SUCCESS), not run again");

        assertThat(count(output, "execution " + uuid + ": running "))
                .as("sandbox runs of the execution")
                .isEqualTo(1);
        assertThat(edc.get("/executions/" + uuid).json())
                .as("the stored result is unchanged")
                .isEqualTo(first);
        subscriber.assertNothingMoreWithin(Duration.ofSeconds(2));
    }

    /** Stores a QUEUED record as the API does, then puts the message on the job queue under its id. */
    private JsonNode publishToQueuedExecution(String uuid, byte[] body) {
        assertThat(store.create(
                        ExecutionKey.anonymous(uuid), ExecutionResult.queued(uuid, "javascript", "20", Instant.now())))
                .isTrue();
        EdcClient.Subscription results = edc.subscribe("/topic/result/" + uuid);
        rabbit.send("", queue, message(uuid, body));
        return results.next(RESULT_WAIT);
    }

    private void assertDeadLettered(String uuid, JsonNode result, CapturedOutput output) {
        assertThat(result.get("uuid").asString()).isEqualTo(uuid);
        assertThat(result.get("status").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(result.get("message").asString()).contains("dead-lettered");
        assertThat(edc.get("/executions/" + uuid).json()).isEqualTo(result);
        // a loop would show within a few seconds: the dead letter is taken once, and that stays so
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> count(output, "execution " + uuid + ": dead-lettered, stored INTERNAL_ERROR") == 1);
        assertThat(edc.get("/executions/" + uuid).json())
                .as("still the one dead-letter result")
                .isEqualTo(result);
    }

    private static Message message(String uuid, byte[] body) {
        return MessageBuilder.withBody(body)
                .setMessageId(uuid)
                .setContentType("application/json")
                .build();
    }

    private static void awaitOutput(CapturedOutput output, String line) {
        await().atMost(RESULT_WAIT).until(() -> count(output, line) > 0);
    }

    private static long count(CapturedOutput output, String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(output.getOut());
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
