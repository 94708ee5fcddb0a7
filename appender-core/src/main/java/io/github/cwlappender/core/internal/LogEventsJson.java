package io.github.cwlappender.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes log events as the elements of a PutLogEvents body's {@code logEvents} array
 * ({@code {"timestamp":…,"message":"…"}}): from the message's characters straight to UTF-8 with JSON escapes, as the
 * SDK's marshaller would write them. The batcher writes each event just after measuring it, so the message is read
 * while it is still in this core's cache, and the senders have no marshalling left to do.
 *
 * <p>The bytes go into chunks of {@value #CHUNK_BYTES} bytes, each event whole in one chunk, with a comma before every
 * event but a chunk's first. A chunk stays below the size from which G1 allocates an array as humongous (half a region,
 * at least 512 KiB): a batch-sized array would take whole regions, up to twice its size, while it waits to be sent.
 * New chunks come from the {@link ChunkPool} when a settled batch has given one back.
 */
final class LogEventsJson
{
    static final int CHUNK_BYTES = 128 * 1024;
    private static final int FIRST_CHUNK_BYTES = 8 * 1024;
    private static final byte[] EVENT_START = ascii("{\"timestamp\":");
    private static final byte[] MESSAGE_START = ascii(",\"message\":\"");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    // The most a char can take: a control character as a six-byte escape.
    private static final int MAX_BYTES_PER_CHAR = 6;
    // Comma, braces, quotes, field names and up to 20 digits.
    private static final int EVENT_FRAME_BYTES = 64;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long FOUR_BYTE_LEADS = 0xF0F0F0F0F0F0F0F0L;

    // Events of one millisecond share the bytes before the message, {"timestamp":…,"message":"; the logging threads'
    // timestamps interleave around the end of a millisecond, so the last few are kept, by their lowest bits.
    private static final int PREFIX_SLOTS = 4;
    private static final int PREFIX_MAX_BYTES = EVENT_START.length + 20 + MESSAGE_START.length;

    private final ChunkPool pool;
    private List<byte[]> chunks = new ArrayList<>();
    private byte[] buf;
    private int size;
    private int lastStart;
    private final long[] prefixTimestamps = new long[PREFIX_SLOTS];
    private final int[] prefixLengths = new int[PREFIX_SLOTS];
    private final byte[][] prefixes = new byte[PREFIX_SLOTS][PREFIX_MAX_BYTES];

    /** @param pool where new chunks come from when one is free; null to always allocate them */
    LogEventsJson(ChunkPool pool)
    {
        this.pool = pool;
    }

    /** Hands over the chunks written so far (the last one is valid up to {@link #lastEnd()}) and starts anew. */
    List<byte[]> takeChunks()
    {
        List<byte[]> taken = chunks;
        chunks = new ArrayList<>(taken.size());
        buf = null;
        size = 0;
        lastStart = 0;
        return taken;
    }

    /** The chunk of the event written last. */
    int lastChunk()
    {
        return chunks.size() - 1;
    }

    /** Where the event written last starts in its chunk (after its comma). */
    int lastStart()
    {
        return lastStart;
    }

    /** Where the event written last ends in its chunk. */
    int lastEnd()
    {
        return size;
    }

    /**
     * Appends one event.
     *
     * @param utf8Length the message's UTF-8 length; when it equals the message's length every char is ASCII
     */
    void write(long timestamp, String message, int utf8Length)
    {
        int n = message.length();
        long most = EVENT_FRAME_BYTES + (long) MAX_BYTES_PER_CHAR * n;
        // A long message would otherwise get a chunk sized for its worst case, up to six times its bytes.
        startEvent(most <= CHUNK_BYTES ? most : EVENT_FRAME_BYTES + escapedLength(message, n));
        putPrefix(timestamp);
        // All-ASCII text is copied in bulk; from the first char that needs an escape on, it is written char by char.
        int plain = utf8Length == n ? putPlainAscii(message, n) : 0;
        writeString(message, plain, n);
        buf[size++] = '"';
        buf[size++] = '}';
    }

    /**
     * Appends one event whose message is the first {@code length} bytes of {@code utf8}, well-formed UTF-8: the bytes
     * as they are, with the escapes {@link #write} gives the same text, so the body is the same either way.
     */
    void writeUtf8(long timestamp, byte[] utf8, int length)
    {
        long most = EVENT_FRAME_BYTES + (long) MAX_BYTES_PER_CHAR * length;
        startEvent(most <= CHUNK_BYTES ? most : EVENT_FRAME_BYTES + escapedLength(utf8, length));
        putPrefix(timestamp);
        int plain = putPlainUtf8(utf8, length);
        writeUtf8String(utf8, plain, length);
        buf[size++] = '"';
        buf[size++] = '}';
    }

    /** A JSON string literal, quotes included, as UTF-8: for the names around the events. */
    static byte[] quoted(String text)
    {
        LogEventsJson json = new LogEventsJson(null);
        json.startEvent(2 + (long) MAX_BYTES_PER_CHAR * text.length());
        json.buf[json.size++] = '"';
        json.writeString(text, 0, text.length());
        json.buf[json.size++] = '"';
        return Arrays.copyOfRange(json.buf, json.lastStart, json.size);
    }

    /** Makes room for an event of at most {@code most} bytes in one chunk, puts the comma, and marks its start. */
    private void startEvent(long most)
    {
        if (most > Integer.MAX_VALUE - 16)
        {
            throw new IllegalStateException("event too large for a PutLogEvents body: " + most + " bytes");
        }
        if (buf == null || size + 1 + most > buf.length)
        {
            buf = newChunk(most);
            chunks.add(buf);
            size = 0;
        }
        if (size > 0)
        {
            buf[size++] = ',';
        }
        lastStart = size;
    }

    private byte[] newChunk(long most)
    {
        byte[] free = most <= CHUNK_BYTES && pool != null ? pool.poll() : null;
        if (free != null)
        {
            return free;
        }
        // A batch's first chunk starts small: with few events per batch, most of a large one would wait unused.
        int chunk = chunks.isEmpty() ? FIRST_CHUNK_BYTES : CHUNK_BYTES;
        return new byte[(int) Math.max(chunk, most)];
    }

    private void putPrefix(long timestamp)
    {
        int slot = (int) timestamp & (PREFIX_SLOTS - 1);
        byte[] prefix = prefixes[slot];
        if (prefixLengths[slot] == 0 || prefixTimestamps[slot] != timestamp)
        {
            prefixLengths[slot] = writePrefix(timestamp, prefix);
            prefixTimestamps[slot] = timestamp;
        }
        int length = prefixLengths[slot];
        System.arraycopy(prefix, 0, buf, size, length);
        size += length;
    }

    /**
     * Writes {"timestamp":…,"message":" into {@code to} and returns its length. Only when a millisecond first comes
     * (the prefixes of the last few are kept), so its one small string does not matter.
     */
    @SuppressWarnings("deprecation")
    private static int writePrefix(long timestamp, byte[] to)
    {
        String digits = Long.toString(timestamp);
        System.arraycopy(EVENT_START, 0, to, 0, EVENT_START.length);
        digits.getBytes(0, digits.length(), to, EVENT_START.length);
        int at = EVENT_START.length + digits.length();
        System.arraycopy(MESSAGE_START, 0, to, at, MESSAGE_START.length);
        return at + MESSAGE_START.length;
    }

    /**
     * Copies an all-ASCII message in bulk and returns how many of its chars (from the start) need no escape; only
     * those stay written.
     */
    @SuppressWarnings("deprecation")
    private int putPlainAscii(String message, int n)
    {
        // Every char is below 0x80 here, so its low byte is its UTF-8 encoding.
        message.getBytes(0, n, buf, size);
        int start = size;
        int end = start + n;
        int i = start;
        while (i + Long.BYTES <= end && !anyNeedsEscape((long) LONGS.get(buf, i)))
        {
            i += Long.BYTES;
        }
        while (i < end && !needsEscape(buf[i]))
        {
            i++;
        }
        size = i;
        return i - start;
    }

    /**
     * Copies UTF-8 bytes in bulk and returns how many of them (from the start) are written as they are; only those
     * stay written. A byte needs more where it is a control character, a quote or a backslash, or where it starts a
     * four-byte character, which JSON writers send as two escaped surrogates.
     */
    private int putPlainUtf8(byte[] utf8, int n)
    {
        System.arraycopy(utf8, 0, buf, size, n);
        int start = size;
        int end = start + n;
        int i = start;
        while (i + Long.BYTES <= end && isPlainUtf8((long) LONGS.get(buf, i)))
        {
            i += Long.BYTES;
        }
        while (i < end && (buf[i] >= 0 ? !needsEscape(buf[i]) : !isFourByteLead(buf[i])))
        {
            i++;
        }
        size = i;
        return i - start;
    }

    /** Whether eight UTF-8 bytes can all be written as they are (each word is read once). */
    private static boolean isPlainUtf8(long x)
    {
        return !anyNeedsEscape(x) && !anyFourByteLead(x);
    }

    private static boolean isFourByteLead(byte b)
    {
        return (b & 0xF8) == 0xF0;
    }

    /** Whether any of eight bytes is 0xF0 or above: a zero byte of {@code (x & 0xF0..) ^ 0xF0..}. */
    private static boolean anyFourByteLead(long x)
    {
        long high = (x & FOUR_BYTE_LEADS) ^ FOUR_BYTE_LEADS;
        return ((high - ONES) & ~high & HIGH_BITS) != 0;
    }

    /** JSON string content from well-formed UTF-8: the bytes themselves, but for the escapes writeString makes. */
    private void writeUtf8String(byte[] utf8, int from, int n)
    {
        int i = from;
        while (i < n)
        {
            byte b = utf8[i];
            if (b >= 0)
            {
                if (needsEscape(b))
                {
                    writeEscape((char) b);
                }
                else
                {
                    buf[size++] = b;
                }
                i++;
            }
            else if (isFourByteLead(b))
            {
                int codePoint = (b & 0x07) << 18 | (utf8[i + 1] & 0x3F) << 12 | (utf8[i + 2] & 0x3F) << 6
                        | (utf8[i + 3] & 0x3F);
                writeUnicodeEscape(Character.highSurrogate(codePoint));
                writeUnicodeEscape(Character.lowSurrogate(codePoint));
                i += 4;
            }
            else
            {
                // A byte of a two- or three-byte character: written as it is, as writeString writes those characters.
                buf[size++] = b;
                i++;
            }
        }
    }

    /** The exact length {@link #writeUtf8String} gives the whole of {@code utf8}'s first {@code n} bytes. */
    private static long escapedLength(byte[] utf8, int n)
    {
        long bytes = 0;
        int i = 0;
        while (i < n)
        {
            byte b = utf8[i];
            if (b >= 0 && needsEscape(b))
            {
                bytes += shortEscape((char) b) == 0 ? 6 : 2;
                i++;
            }
            else if (isFourByteLead(b))
            {
                bytes += 12;
                i += 4;
            }
            else
            {
                bytes += 1;
                i++;
            }
        }
        return bytes;
    }

    private static boolean needsEscape(byte b)
    {
        return b < 0x20 || b == '"' || b == '\\';
    }

    /** The exact length {@link #writeString} gives the whole of {@code s}. */
    private static long escapedLength(String s, int n)
    {
        long bytes = 0;
        for (int i = 0; i < n; i++)
        {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
            {
                bytes += 1;
            }
            else if (c < 0x80)
            {
                bytes += shortEscape(c) == 0 ? 6 : 2;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
            {
                bytes += 12;
                i++;
            }
            else
            {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Whether any of eight ASCII bytes is a control character, a quote or a backslash, eight at a time: a byte below
     * {@code n} sets its high bit in {@code (x - n * ONES) & ~x}, and a byte equal to {@code c} is a zero byte of
     * {@code x ^ c * ONES}. Exact as a yes/no for any bytes, UTF-8 ones too: without a byte below {@code n} nothing
     * borrows, and a byte of 0x80 or more has its high bit cleared by {@code ~x}.
     */
    private static boolean anyNeedsEscape(long x)
    {
        long control = (x - 0x20 * ONES) & ~x;
        long quote = x ^ ('"' * ONES);
        long backslash = x ^ ('\\' * ONES);
        return ((control | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)) & HIGH_BITS) != 0;
    }

    /** JSON string content: quote, backslash and control characters escaped, everything else as UTF-8. */
    private void writeString(String s, int from, int n)
    {
        for (int i = from; i < n; i++)
        {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
            {
                buf[size++] = (byte) c;
            }
            else if (c < 0x80)
            {
                writeEscape(c);
            }
            else if (c < 0x800)
            {
                buf[size++] = (byte) (0xC0 | (c >> 6));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
            {
                // As the SDK's JSON writer does: both halves escaped, which the service reads as the one code point
                // (its UTF-8 length, 4 bytes, is what the limits count).
                writeUnicodeEscape(c);
                writeUnicodeEscape(s.charAt(++i));
            }
            else
            {
                // A lone surrogate has no UTF-8 form; the batcher replaces them before this, so this is a last guard.
                char bmp = Character.isSurrogate(c) ? Utf8.REPLACEMENT : c;
                buf[size++] = (byte) (0xE0 | (bmp >> 12));
                buf[size++] = (byte) (0x80 | ((bmp >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (bmp & 0x3F));
            }
        }
    }

    private void writeEscape(char c)
    {
        char shortForm = shortEscape(c);
        if (shortForm == 0)
        {
            writeUnicodeEscape(c);
            return;
        }
        buf[size++] = '\\';
        buf[size++] = (byte) shortForm;
    }

    /** The two-character escape JSON has for {@code c}, or 0 when it has none. */
    private static char shortEscape(char c)
    {
        switch (c)
        {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '\n':
                return 'n';
            case '\r':
                return 'r';
            case '\t':
                return 't';
            case '\b':
                return 'b';
            case '\f':
                return 'f';
            default:
                return 0;
        }
    }

    private void writeUnicodeEscape(char c)
    {
        buf[size++] = '\\';
        buf[size++] = 'u';
        buf[size++] = HEX[c >> 12];
        buf[size++] = HEX[(c >> 8) & 0xF];
        buf[size++] = HEX[(c >> 4) & 0xF];
        buf[size++] = HEX[c & 0xF];
    }

    private static byte[] ascii(String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
