package io.github.cwlappender.benchmarks.report;

/**
 * Replaces what lies between {@code <!-- generated:NAME -->} and the next {@code <!-- /generated -->} in a
 * Markdown document, leaving all the prose around the markers as it is.
 */
final class MarkdownSections
{
    static final String END = "<!-- /generated -->";

    private MarkdownSections()
    {
    }

    static String start(String name)
    {
        return "<!-- generated:" + name + " -->";
    }

    /**
     * @throws IllegalArgumentException when the document lacks the section's markers, so a renamed marker is
     *         noticed instead of silently leaving old figures in place
     */
    static String replace(String document, String name, String content)
    {
        String start = start(name);
        int from = document.indexOf(start);
        if (from < 0)
        {
            throw new IllegalArgumentException("the document has no marker " + start);
        }
        int contentStart = from + start.length();
        int end = document.indexOf(END, contentStart);
        if (end < 0)
        {
            throw new IllegalArgumentException("the document has no " + END + " after " + start);
        }
        String body = content.endsWith("\n") ? content : content + "\n";
        return document.substring(0, contentStart) + "\n" + body + document.substring(end);
    }
}
