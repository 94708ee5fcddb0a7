package io.github.cwlappender.it.reliability;

import io.github.cwlappender.testsupport.fake.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Stored events grouped by the id in their message: how many copies of each id were stored, when, and whether the
 * request that stored a copy had its response dropped on purpose by the fake.
 */
final class Copies
{
    /** One stored copy of an event. */
    static final class Copy
    {
        final long ingestionTime;
        final boolean responseLost;

        Copy(long ingestionTime, boolean responseLost)
        {
            this.ingestionTime = ingestionTime;
            this.responseLost = responseLost;
        }

        @Override
        public String toString()
        {
            return "stored@" + ingestionTime + (responseLost ? "(response lost)" : "");
        }
    }

    private final Map<String, List<Copy>> byId = new HashMap<>();
    private long withoutId;
    private long copies;

    private Copies()
    {
    }

    static Copies of(List<StoredEvent> stored)
    {
        Copies c = new Copies();
        for (StoredEvent e : stored)
        {
            c.add(e.message(), new Copy(e.ingestionTime(), e.responseLost()));
        }
        return c;
    }

    /** For events read back from another service (moto), where no response is ever lost on purpose. */
    static Copies ofMessages(List<String> messages)
    {
        Copies c = new Copies();
        for (String m : messages)
        {
            c.add(m, new Copy(0, false));
        }
        return c;
    }

    private void add(String message, Copy copy)
    {
        String id = EventIds.idOf(message);
        if (id == null)
        {
            withoutId++;
            return;
        }
        copies++;
        byId.computeIfAbsent(id, k -> new ArrayList<>(1)).add(copy);
    }

    /** Distinct ids stored. */
    int ids()
    {
        return byId.size();
    }

    /** Stored events with an id, duplicates included. */
    long copies()
    {
        return copies;
    }

    /** Stored events without an id. */
    long withoutId()
    {
        return withoutId;
    }

    /** Copies beyond the first of each id. */
    long duplicates()
    {
        return copies - byId.size();
    }

    int count(String id)
    {
        List<Copy> list = byId.get(id);
        return list == null ? 0 : list.size();
    }

    List<Copy> copiesOf(String id)
    {
        return byId.getOrDefault(id, List.of());
    }

    /** Every distinct id stored. */
    Iterable<String> allIds()
    {
        return byId.keySet();
    }

    /** Ids whose copies match the predicate, at most {@code limit} of them with their copies, for failure messages. */
    List<String> idsWhere(Predicate<List<Copy>> predicate, int limit)
    {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, List<Copy>> e : byId.entrySet())
        {
            if (predicate.test(e.getValue()))
            {
                found.add(e.getKey() + "=" + e.getValue());
                if (found.size() >= limit)
                {
                    break;
                }
            }
        }
        return found;
    }

    static long answered(List<Copy> copies)
    {
        long n = 0;
        for (Copy c : copies)
        {
            if (!c.responseLost)
            {
                n++;
            }
        }
        return n;
    }
}
