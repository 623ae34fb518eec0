package dev.edc.execution;

/**
 * Names an execution: its uuid within its owner's namespace. With API keys on, the owner is the
 * name of the key that submitted it, and uuids are unique per owner; with keys off, every
 * execution belongs to {@link #ANONYMOUS}.
 */
public record ExecutionKey(String owner, String uuid) {

    public static final String ANONYMOUS = "";

    public static ExecutionKey anonymous(String uuid) {
        return new ExecutionKey(ANONYMOUS, uuid);
    }

    @Override
    public String toString() {
        return owner.isEmpty() ? uuid : owner + "/" + uuid;
    }
}
