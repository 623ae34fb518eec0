package dev.edc;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility fails whatever test is waiting when any thread of the JVM throws. Test classes share
 * the JVM, and a Spring context closing after an earlier class (its RabbitMQ channels closed
 * asynchronously) may throw on its own threads while a later class waits: a failure of the wrong
 * test. A test checks what its own threads see; the product's threads log what they throw.
 * Registered for every test class (META-INF/services, junit-platform.properties).
 */
public class OwnThreadsOnly implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }
}
