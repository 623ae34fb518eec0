package dev.edc.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.edc.language.LanguageTestEntries;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/** Submitting: nothing half-made, whatever fails. */
class ExecutionServiceTest {

    private final ResultStore store = mock(ResultStore.class);
    private final JobQueue queue = mock(JobQueue.class);
    private final ExecutionProperties properties = ExecutionDefaults.properties();
    private final ExecutionControls controls = mock(ExecutionControls.class);
    private final ExecutionService service = new ExecutionService(
            new Submissions(LanguageTestEntries.javaAndJavaScript(), properties, mock(Webhooks.class)),
            store,
            queue,
            new ResultWaiters(),
            controls,
            mock(ControlSignals.class),
            mock(ExecutionEvents.class),
            properties,
            Clock.fixed(Instant.parse("2026-11-30T10:00:00.123456Z"), ZoneOffset.UTC));

    private static ExecutionRequest hello(String uuid) {
        return ExecutionRequest.builder()
                .uuid(uuid)
                .language("js")
                .code("console.log(1)")
                .build();
    }

    @Test
    void shouldStoreTheQueuedRecordThenQueueTheJob() {
        when(store.create(any(), any())).thenReturn(true);

        ExecutionResult queued = service.submit(hello("a"), "team-a").queued();

        ExecutionKey key = new ExecutionKey("team-a", "a");
        verify(store).create(eq(key), eq(queued));
        verify(queue).publish(any(ExecutionJob.class));
        assertThat(queued.status()).isEqualTo(ExecutionStatus.QUEUED);
        assertThat(queued.queuedAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00.123Z"));
    }

    @Test
    void shouldFindNothingByAUuidThatReachesIntoAnotherOwnersRecords() {
        assertThat(service.find(ExecutionKey.anonymous("team-a:a"))).isEmpty();
        assertThat(service.find(new ExecutionKey("team-b", "../team-a/a"))).isEmpty();

        verifyNoInteractions(store);
    }

    @Test
    void shouldTouchNothingForARequestThatCannotRun() {
        assertThatThrownBy(() -> service.submit(
                ExecutionRequest.builder().language("cobol").code("x").build(), ""));
        assertThatThrownBy(() -> service.submit(
                ExecutionRequest.builder().language("js").code("").build(), ""));

        verifyNoInteractions(store, queue);
    }

    @Test
    void shouldRefuseAUuidItsOwnerAlreadyUsed() {
        when(store.create(any(), any())).thenReturn(false);

        assertThatThrownBy(() -> service.submit(hello("twice"), ""))
                .isInstanceOfSatisfying(RequestRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RequestRejectedException.Reason.CONFLICT);
                    assertThat(e.getMessage())
                            .isEqualTo("uuid 'twice' is already used by another execution; choose another or omit it.");
                });
        verifyNoInteractions(queue);
    }

    @Test
    void shouldWithdrawTheRecordWhenTheJobCouldNotBeQueued() {
        when(store.create(any(), any())).thenReturn(true);
        doThrow(new QueueFullException()).when(queue).publish(any());

        assertThatThrownBy(() -> service.submit(hello("full"), "")).isInstanceOf(QueueFullException.class);

        verify(store).delete(ExecutionKey.anonymous("full"));
    }

    @Test
    void shouldSayTheStoreIsDownAndQueueNothing() {
        when(store.create(any(), any())).thenThrow(new QueryTimeoutException("redis down"));

        assertThatThrownBy(() -> service.submit(hello("down"), ""))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("The result store (Redis) is unavailable; nothing was queued.");
        verifyNoInteractions(queue);
    }

    @Test
    void shouldGenerateARandomUuidWhenNoneIsGiven() {
        when(store.create(any(), any())).thenReturn(true);

        ExecutionResult queued = service.submit(
                        ExecutionRequest.builder().language("js").code("1").build(), "")
                .queued();

        assertThat(queued.uuid()).matches("[0-9a-f-]{36}");
    }
}
