package dev.edc.queue;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * Leaves a job message's body as it came: the job listeners read it themselves. Converting it
 * before them (by its content type) would fail on a body that is not what it claims to be, and
 * such a message would be discarded on the dead-letter queue without its execution ever being
 * told; read by the listeners, it is dead-lettered and its execution gets an INTERNAL_ERROR.
 */
class RawBodyConverter implements MessageConverter {

    static final String BEAN = "rawBodyConverter";

    @Override
    public Message toMessage(Object object, MessageProperties properties) {
        return new Message((byte[]) object, properties);
    }

    @Override
    public Object fromMessage(Message message) {
        return message.getBody();
    }
}
