package dev.edc.sandbox;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 text from bytes that may have been cut anywhere. */
final class Utf8 {

    private Utf8() {}

    /**
     * Decodes bytes; when they were cut at a cap, a character split by the cut is left out
     * (a cut never adds a U+FFFD). Invalid sequences otherwise read as U+FFFD.
     */
    static String decode(byte[] bytes, boolean cut) {
        int length = cut ? characterBoundary(bytes, bytes.length) : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** The largest length up to {@code length} that ends on a whole character (when the bytes are valid UTF-8). */
    static int characterBoundary(byte[] bytes, int length) {
        int start = length;
        // back over continuation bytes (at most 3) to the last sequence's first byte
        while (start > 0 && length - start < 3 && (bytes[start - 1] & 0xC0) == 0x80) {
            start--;
        }
        if (start == 0) {
            return length;
        }
        int lead = bytes[start - 1] & 0xFF;
        int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return length - (start - 1) < needed ? start - 1 : length;
    }

    /** Decodes a stream of chunks, carrying a character split between two chunks over to the next. */
    static final class StreamDecoder {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private byte[] carry = new byte[0];

        String next(byte[] chunk) {
            ByteBuffer in = ByteBuffer.allocate(carry.length + chunk.length)
                    .put(carry)
                    .put(chunk)
                    .flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, false);
            carry = new byte[in.remaining()];
            in.get(carry);
            return out.flip().toString();
        }
    }
}
