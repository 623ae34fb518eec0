package dev.edc.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a container's attached stdout as the init's frames and hands each to a consumer; the
 * container's stderr carries only the init's own complaints, which are logged. Frames arrive as
 * the engine's chunks, which split and join frames anywhere: bytes are copied as they come
 * (docker-java reuses its buffer).
 */
class InitStream extends ResultCallback.Adapter<Frame> {

    private static final Logger log = LoggerFactory.getLogger(InitStream.class);
    private static final int MAX_HEADER = 512;

    private final String name;
    private final Consumer<InitFrame> frames;
    private final Runnable ended;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private InitFrame frame; // the frame whose body is being read
    private int bodyAt;

    /**
     * @param name   the container, for logs
     * @param frames gets each whole frame, on the attach thread
     * @param ended  called once when the stream ends (the container stopped, or the stream broke)
     */
    InitStream(String name, Consumer<InitFrame> frames, Runnable ended) {
        this.name = name;
        this.frames = frames;
        this.ended = ended;
    }

    @Override
    public void onNext(Frame item) {
        byte[] bytes = item.getPayload();
        if (bytes == null) {
            return;
        }
        if (item.getStreamType() == StreamType.STDERR) {
            log.warn("sandbox {}: the init says: {}", name, new String(bytes, StandardCharsets.UTF_8).strip());
            return;
        }
        if (item.getStreamType() == StreamType.STDOUT) {
            read(bytes);
        }
    }

    private void read(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            if (frame == null) {
                byte b = bytes[i++];
                if (b != '\n') {
                    header.write(b);
                    if (header.size() > MAX_HEADER) {
                        throw new IllegalStateException(
                                "sandbox " + name + ": not a frame header: " + header.toString(StandardCharsets.UTF_8));
                    }
                    continue;
                }
                frame = InitFrame.header(header.toString(StandardCharsets.US_ASCII));
                header.reset();
                bodyAt = 0;
            } else {
                int take = Math.min(bytes.length - i, frame.body().length - bodyAt);
                System.arraycopy(bytes, i, frame.body(), bodyAt, take);
                bodyAt += take;
                i += take;
            }
            if (frame != null && bodyAt == frame.body().length) {
                InitFrame whole = frame;
                frame = null;
                frames.accept(whole);
            }
        }
    }

    @Override
    public void onComplete() {
        ended.run();
        super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
        ended.run();
        super.onError(throwable);
    }
}
