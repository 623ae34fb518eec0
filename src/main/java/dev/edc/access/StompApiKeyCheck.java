package dev.edc.access;

import dev.edc.Roles;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * A STOMP session's owner: with API keys on, its CONNECT must carry a valid {@code X-API-Key}
 * header, and the session then sees only that key's executions; with keys off, every session is
 * {@link ApiKeys#NO_KEYS}'s. Kept in the session's attributes ({@link #owner}). A CONNECT with an
 * admin key makes an admin session ({@link #isAdmin}), which owns nothing; with neither API nor
 * admin keys configured every session is an admin's, as every operational endpoint is open.
 */
@Component
@Profile(Roles.API)
public class StompApiKeyCheck implements ChannelInterceptor {

    private static final String OWNER = "dev.edc.owner";
    private static final String ADMIN = "dev.edc.admin";

    private final ApiKeys keys;
    private final AdminKeys admins;

    StompApiKeyCheck(ApiKeys keys, AdminKeys admins) {
        this.keys = keys;
        this.admins = admins;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
        if (headers.getCommand() == StompCommand.CONNECT) {
            String presented = headers.getFirstNativeHeader(KeyCheck.API_KEY_HEADER);
            String owner = ApiKeys.NO_KEYS;
            boolean admin = admins.nameOf(presented).isPresent();
            if (!admin) {
                if (keys.required()) {
                    owner = keys.nameOf(presented)
                            .orElseThrow(() -> new MessageDeliveryException(
                                    "A valid " + KeyCheck.API_KEY_HEADER + " header is required to connect"));
                }
                admin = !keys.required() && !admins.required();
            }
            Map<String, Object> attributes = headers.getSessionAttributes();
            if (attributes != null) {
                attributes.put(OWNER, owner);
                attributes.put(ADMIN, admin);
            }
        }
        return message;
    }

    /** The owner of the session a message came from. */
    public static String owner(StompHeaderAccessor headers) {
        Map<String, Object> attributes = headers.getSessionAttributes();
        Object owner = attributes == null ? null : attributes.get(OWNER);
        return owner instanceof String name ? name : ApiKeys.NO_KEYS;
    }

    /** Whether the session a message came from is an admin's (may follow the operations topic). */
    public static boolean isAdmin(StompHeaderAccessor headers) {
        Map<String, Object> attributes = headers.getSessionAttributes();
        return attributes != null && Boolean.TRUE.equals(attributes.get(ADMIN));
    }
}
