package io.github.cwlappender.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tab-separated file with a header line, as the end-to-end runner writes them: rows of named columns. */
final class Tsv
{
    private Tsv()
    {
    }

    /** The rows of the file, or none when it does not exist. */
    static List<Map<String, String>> read(Path file) throws IOException
    {
        List<Map<String, String>> rows = new ArrayList<>();
        if (!Files.exists(file))
        {
            return rows;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty())
        {
            return rows;
        }
        String[] header = lines.get(0).split("\t", -1);
        for (String line : lines.subList(1, lines.size()))
        {
            if (line.isEmpty())
            {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++)
            {
                row.put(header[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** A key/value file (header "key value") as a map. */
    static Map<String, String> readKeyValues(Path file) throws IOException
    {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, String> row : read(file))
        {
            values.put(row.get("key"), row.get("value"));
        }
        return values;
    }
}
