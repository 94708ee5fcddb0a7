package io.github.cwlappender.core.internal.naming;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine's log group and log stream at run time. {@link #resolve} expands every token left after
 * configuration, looking up metadata once, and belongs on a sender thread (it may wait for the network, within the
 * sources' time limits); {@link #current()} then gives the names for the next batch, with {@code {date}} read from
 * the clock each time, so the names roll over at midnight UTC.
 */
public final class DestinationNames
{
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final NameTemplate group;
    private final NameTemplate stream;
    private final NameSources sources;
    private final Consumer<String> problems;
    private volatile Resolved resolved;

    /**
     * @param groupText the configured log group (tokens of any kind may remain)
     * @param streamText the configured log stream (tokens known at configuration already expanded)
     * @param problems told why a token fell back to its default value
     */
    public DestinationNames(String groupText, String streamText, NameSources sources, Consumer<String> problems)
    {
        this.group = NameTemplate.parse(groupText);
        this.stream = NameTemplate.parse(streamText);
        this.sources = sources;
        this.problems = problems;
    }

    /** True when the names use a metadata token, whose look-up may take up to the sources' total time limit. */
    public boolean needsLookUps()
    {
        return group.uses(Substitution.Resolved.AT_WARM_START) || stream.uses(Substitution.Resolved.AT_WARM_START);
    }

    /** Expands every token but {@code {date}}; once. Never throws: what cannot be read takes its fallback. */
    public synchronized void resolve()
    {
        if (resolved != null)
        {
            return;
        }
        Set<Substitution> wanted = EnumSet.noneOf(Substitution.class);
        group.tokens().forEach(t -> wanted.add(t.substitution()));
        stream.tokens().forEach(t -> wanted.add(t.substitution()));
        Map<Substitution, String> metadata = lookUp(wanted);
        String groupName = group.expand(t -> value(t, metadata, true));
        String streamName = stream.expand(t -> value(t, metadata, false));
        resolved = new Resolved(NameTemplate.parse(groupName), NameTemplate.parse(streamName));
    }

    private Map<Substitution, String> lookUp(Set<Substitution> wanted)
    {
        try
        {
            return MetadataValues.lookUp(wanted, sources, problems);
        }
        catch (RuntimeException e)
        {
            // A bug here must not leave the engine without names: every look-up takes its fallback.
            problems.accept("metadata look-ups failed (" + e + "); using the fallback values");
            Map<Substitution, String> fallbacks = new EnumMap<>(Substitution.class);
            wanted.forEach(s -> fallbacks.put(s, s.fallback()));
            return fallbacks;
        }
    }

    /** The names for a batch sent now; resolves first if that has not happened yet. */
    public LogDestination current()
    {
        Resolved r = resolved;
        if (r == null)
        {
            resolve();
            r = resolved;
        }
        return r.at(LocalDate.now(sources.clock().withZone(ZoneOffset.UTC)));
    }

    private String value(NameTemplate.Token token, Map<Substitution, String> metadata, boolean forGroup)
    {
        String raw;
        switch (token.substitution().resolved())
        {
            case AT_CONFIGURATION:
                raw = localValue(token);
                break;
            case AT_WARM_START:
                raw = metadata.get(token.substitution());
                break;
            default:
                // {date} stays, to be expanded for each batch.
                return null;
        }
        return forGroup ? NameSanitizer.groupValue(raw) : NameSanitizer.streamValue(raw);
    }

    private String localValue(NameTemplate.Token token)
    {
        try
        {
            return sources.local().value(token);
        }
        catch (RuntimeException e)
        {
            // A security manager may refuse an environment variable or property: a name is still needed.
            String fallback = token.defaultValue() != null ? token.defaultValue() : token.substitution().fallback();
            String value = fallback == null ? "" : fallback;
            problems.accept(token + " could not be read (" + e + "); using '" + value + "'");
            return value;
        }
    }

    /** The names with only {@code {date}} left, and the last day's expansion kept so most batches reuse it. */
    private static final class Resolved
    {
        private final NameTemplate group;
        private final NameTemplate stream;
        private volatile Dated last;

        Resolved(NameTemplate group, NameTemplate stream)
        {
            this.group = group;
            this.stream = stream;
        }

        LogDestination at(LocalDate day)
        {
            Dated d = last;
            if (d == null || !d.day.equals(day))
            {
                String date = DATE.format(day);
                LogDestination names = new LogDestination(NameSanitizer.groupName(group.expand(t -> date)),
                        NameSanitizer.streamName(stream.expand(t -> date)));
                d = new Dated(day, names);
                last = d;
            }
            return d.names;
        }
    }

    private static final class Dated
    {
        final LocalDate day;
        final LogDestination names;

        Dated(LocalDate day, LogDestination names)
        {
            this.day = day;
            this.names = names;
        }
    }
}
