package io.github.cwlappender.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of measured results per scenario, printed and appended to {@code target/reliability-results.txt} (relative
 * to the module), the source of the results table in docs/reliability.md.
 */
final class Report
{
    private final String scenario;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Report(String scenario)
    {
        this.scenario = scenario;
    }

    static Report of(String scenario)
    {
        return new Report(scenario);
    }

    Report put(String key, Object value)
    {
        values.put(key, value);
        return this;
    }

    void print()
    {
        StringBuilder sb = new StringBuilder("RELIABILITY ").append(scenario).append(" size=").append(Sizes.name());
        values.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        String line = sb.toString();
        System.out.println(line);
        Path file = Paths.get("target", "reliability-results.txt");
        try
        {
            Files.createDirectories(file.getParent());
            Files.write(file, (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
