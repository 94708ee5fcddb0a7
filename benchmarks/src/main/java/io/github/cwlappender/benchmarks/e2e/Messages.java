package io.github.cwlappender.benchmarks.e2e;

/**
 * The events every system logs: the same text, so that after the default pattern layout
 * ({@value #PATTERN}) each event is {@value #EVENT_BYTES} bytes of ASCII. Each message carries its sequence number,
 * so no two are alike.
 */
final class Messages
{
    /** The Logback and Log4j2 pattern of our appenders' default layout; the peers are given the same one. */
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";
    static final String LOGGER = "com.example.shop.OrderService";
    static final String THREAD_PREFIX = "bench-producer-";
    static final int EVENT_BYTES = 200;

    // "2026-11-25 20:10:11,123 INFO  [bench-producer-1] com.example.shop.OrderService - "
    private static final int PREFIX_BYTES = 23 + 1 + 5 + 2 + (THREAD_PREFIX.length() + 1) + 2 + LOGGER.length() + 3;
    static final int MESSAGE_BYTES = EVENT_BYTES - PREFIX_BYTES;
    private static final String HEAD = "order accepted seq=";
    private static final char[] TEMPLATE = template();

    private Messages()
    {
    }

    private static char[] template()
    {
        StringBuilder text = new StringBuilder(HEAD).append("0000000000");
        String tail = " customer=c-20417 items=3 total=42.50 EUR payment=card carrier=dhl status=CONFIRMED note=";
        text.append(tail);
        char filler = 'a';
        while (text.length() < MESSAGE_BYTES)
        {
            text.append(filler);
            filler = filler == 'z' ? 'a' : (char) (filler + 1);
        }
        text.setLength(MESSAGE_BYTES);
        return text.toString().toCharArray();
    }

    /** The message of event {@code seq}: {@link #MESSAGE_BYTES} ASCII characters. */
    static String message(long seq)
    {
        char[] text = TEMPLATE.clone();
        long rest = seq;
        for (int i = HEAD.length() + 9; i >= HEAD.length(); i--)
        {
            text[i] = (char) ('0' + (rest % 10));
            rest /= 10;
        }
        return new String(text);
    }

    /** What the layout makes of it, for the bare-SDK loop that has no layout: same size, same shape. */
    static String formattedLine(String threadName, String message)
    {
        return "2026-11-25 20:10:11,123 INFO  [" + threadName + "] " + LOGGER + " - " + message;
    }
}
