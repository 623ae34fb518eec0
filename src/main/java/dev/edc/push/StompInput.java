package dev.edc.push;

import dev.edc.Roles;
import dev.edc.access.StompApiKeyCheck;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionService;
import dev.edc.execution.RequestRejectedException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * Input for an interactive program over STOMP: a SEND to {@code /app/executions/<uuid>/stdin} with
 * the execution's {@code control-token} header (and {@code eof: true} to end its input), within the
 * session owner's executions. It is taken as it comes; a refusal (wrong token, finished, too much
 * input) is a STOMP ERROR frame that says why.
 */
@Component
@Profile(Roles.API)
class StompInput implements ChannelInterceptor {

    static final String TOKEN_HEADER = "control-token";
    private static final Pattern STDIN = Pattern.compile("/app/executions/(" + ExecutionRequest.UUID + ")/stdin");

    private final ExecutionService executions;

    StompInput(ExecutionService executions) {
        this.executions = executions;
    }

    static Optional<String> executionOf(String destination) {
        Matcher m = destination == null ? null : STDIN.matcher(destination);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
        if (headers.getCommand() != StompCommand.SEND) {
            return message;
        }
        String uuid = executionOf(headers.getDestination()).orElseThrow();
        ExecutionKey key = new ExecutionKey(StompApiKeyCheck.owner(headers), uuid);
        byte[] input = message.getPayload() instanceof byte[] bytes ? bytes : new byte[0];
        try {
            executions.input(
                    key,
                    headers.getFirstNativeHeader(TOKEN_HEADER),
                    input,
                    "true".equals(headers.getFirstNativeHeader("eof")));
        } catch (RequestRejectedException e) {
            throw new MessageDeliveryException(e.title() + ": " + e.getMessage());
        }
        return null; // taken: nothing for the broker
    }
}
