package io.github.cwlappender.benchmarks.e2e;

import java.io.PrintStream;

/** The child's side of the line protocol: one answer per line, marked so stray output is never taken for one. */
final class ChildProtocol
{
    static final String PREFIX = "@bench ";

    private final PrintStream answers;

    ChildProtocol(PrintStream answers)
    {
        this.answers = answers;
    }

    synchronized void answer(String text)
    {
        answers.println(PREFIX + text);
    }
}
