package io.github.cwlappender.it.packaging;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Finds the project's own files (POMs, example configurations, build outputs) from a test of this module. */
final class ProjectFiles
{
    private ProjectFiles()
    {
    }

    /**
     * The root of the multi-module project: {@code cwl.projectRoot} (set by the parent POM's surefire configuration),
     * else the nearest directory above the working directory that holds {@code appender-core/pom.xml}.
     */
    static Path root()
    {
        String property = System.getProperty("cwl.projectRoot");
        List<Path> starts = new ArrayList<>();
        if (property != null && !property.trim().isEmpty())
        {
            starts.add(Paths.get(property.trim()));
        }
        starts.add(Paths.get(System.getProperty("user.dir")));
        for (Path start : starts)
        {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent())
            {
                if (Files.isRegularFile(dir.resolve("appender-core").resolve("pom.xml")))
                {
                    return dir;
                }
            }
        }
        return fail("cannot find the project root (a directory with appender-core/pom.xml) from " + starts);
    }

    static Path file(String relative)
    {
        Path path = root().resolve(relative);
        if (!Files.isRegularFile(path))
        {
            fail(path + " does not exist");
        }
        return path;
    }

    /** A POM or other XML file, parsed without namespaces so that paths read as plain element names. */
    static Document xml(String relative)
    {
        try
        {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file(relative).toFile());
        }
        catch (ParserConfigurationException | SAXException | IOException e)
        {
            return fail("cannot read " + relative, e);
        }
    }

    /** The direct child elements of {@code parent} named {@code name}. */
    static List<Element> children(Element parent, String name)
    {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
        {
            if (n instanceof Element && n.getNodeName().equals(name))
            {
                found.add((Element) n);
            }
        }
        return found;
    }

    /** The one direct child named {@code name}, or null. */
    static Element child(Element parent, String name)
    {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of the direct child named {@code name}, or null. */
    static String text(Element parent, String name)
    {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
