package io.github.cwlappender.benchmarks.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The run's parameters, from the command line. */
final class Settings
{
    long events = 1_000_000;
    long warmupEvents = -1;
    int rounds = 1;
    /** Uncounted rounds of the ceiling before the first round, so that the JVM of the endpoints has settled. */
    int endpointWarmupRounds = 7;
    int outageSeconds = 60;
    int outageRate = 4_000;
    int heapSampleSeconds = 5;
    long capSeconds = 180;
    long quietMillis = 5_000;
    long recoveryQuietMillis = 10_000;
    String childHeap = "2g";
    Path out = Path.of("target", "bench");
    List<SystemKind> systems = new ArrayList<>(Arrays.asList(SystemKind.values()));
    List<SystemKind> outageSystems = new ArrayList<>(List.of(SystemKind.OURS_LOGBACK,
            SystemKind.KDGREGORY_DEFAULT));

    static final String USAGE = "usage: EndToEnd [--events N] [--warmup N] [--rounds N] [--endpoint-warmup-rounds N]"
            + " [--outage-seconds S] [--outage-rate R] [--heap-sample-seconds S] [--cap-seconds S] [--quiet-millis M]"
            + " [--recovery-quiet-millis M] [--child-heap SIZE] [--out DIR]"
            + " [--systems id,id...] [--outage-systems id,id...|none]\n  systems: "
            + String.join(", ", SystemKind.ids());

    static Settings parse(String[] args)
    {
        Settings s = new Settings();
        for (int i = 0; i < args.length; i++)
        {
            String name = args[i];
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name)
            {
                case "--events":
                    s.events = Long.parseLong(value.replace("_", ""));
                    break;
                case "--warmup":
                    s.warmupEvents = Long.parseLong(value.replace("_", ""));
                    break;
                case "--rounds":
                    s.rounds = Integer.parseInt(value);
                    if (s.rounds < 1)
                    {
                        throw new IllegalArgumentException("--rounds must be at least 1\n" + USAGE);
                    }
                    break;
                case "--endpoint-warmup-rounds":
                    s.endpointWarmupRounds = Integer.parseInt(value);
                    if (s.endpointWarmupRounds < 0)
                    {
                        throw new IllegalArgumentException("--endpoint-warmup-rounds must be at least 0\n" + USAGE);
                    }
                    break;
                case "--outage-seconds":
                    s.outageSeconds = Integer.parseInt(value);
                    break;
                case "--outage-rate":
                    s.outageRate = Integer.parseInt(value);
                    break;
                case "--heap-sample-seconds":
                    s.heapSampleSeconds = Integer.parseInt(value);
                    break;
                case "--cap-seconds":
                    s.capSeconds = Long.parseLong(value);
                    break;
                case "--quiet-millis":
                    s.quietMillis = Long.parseLong(value);
                    break;
                case "--recovery-quiet-millis":
                    s.recoveryQuietMillis = Long.parseLong(value);
                    break;
                case "--child-heap":
                    s.childHeap = value;
                    break;
                case "--out":
                    s.out = Path.of(value);
                    break;
                case "--systems":
                    s.systems = kinds(value);
                    break;
                case "--outage-systems":
                    s.outageSystems = value.equals("none") ? new ArrayList<>() : kinds(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (s.warmupEvents < 0)
        {
            // The figure is the rate a running service gets: HotSpot's optimizing compiler, which shares the cores with
            // the system, is still compiling the logging path, the engine and the SDK through a warm-up of as many
            // events as the measured phase (HotSpot's compilation log, ours with Log4j2 on 2 cores); after three
            // times as many, its share of ours' measured phase is less than half of what it was.
            s.warmupEvents = Math.max(2_000, 3 * s.events);
        }
        return s;
    }

    private static List<SystemKind> kinds(String ids)
    {
        List<SystemKind> kinds = new ArrayList<>();
        for (String id : ids.split(","))
        {
            kinds.add(SystemKind.byId(id.trim()));
        }
        return kinds;
    }
}
