package io.github.cwlappender.core.internal.naming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A log group or log stream name as written in the options: literal text and {@code {token}}s. An opening brace always
 * opens a token, so literal text never holds braces; that keeps a partly expanded name parseable again.
 */
public final class NameTemplate
{
    private final String text;
    private final List<Object> parts;

    private NameTemplate(String text, List<Object> parts)
    {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Reads a name template.
     *
     * @throws IllegalArgumentException naming the first unknown or malformed token and the tokens that exist
     */
    public static NameTemplate parse(String text)
    {
        List<Object> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length())
        {
            int open = text.indexOf('{', at);
            if (open < 0)
            {
                parts.add(text.substring(at));
                break;
            }
            if (open > at)
            {
                parts.add(text.substring(at, open));
            }
            int close = text.indexOf('}', open);
            int nested = text.indexOf('{', open + 1);
            if (close < 0 || (nested >= 0 && nested < close))
            {
                throw new IllegalArgumentException("'{' at position " + open + " is not closed by '}'; tokens are "
                        + Substitution.allUsages());
            }
            parts.add(Token.of(text.substring(open, close + 1)));
            at = close + 1;
        }
        return new NameTemplate(text, Collections.unmodifiableList(parts));
    }

    /** The template as written. */
    public String text()
    {
        return text;
    }

    public List<Token> tokens()
    {
        List<Token> tokens = new ArrayList<>();
        for (Object part : parts)
        {
            if (part instanceof Token)
            {
                tokens.add((Token) part);
            }
        }
        return tokens;
    }

    /** True if some token's value becomes known at {@code when}. */
    public boolean uses(Substitution.Resolved when)
    {
        return tokens().stream().anyMatch(t -> t.substitution().resolved() == when);
    }

    /** The literal text alone, tokens left out. */
    public String literalText()
    {
        StringBuilder literal = new StringBuilder();
        for (Object part : parts)
        {
            if (part instanceof String)
            {
                literal.append((String) part);
            }
        }
        return literal.toString();
    }

    /**
     * Replaces each token by {@code values.apply(token)}; a token for which it returns null stays as written. The
     * values are used as given: sanitize them first.
     */
    public String expand(Function<Token, String> values)
    {
        StringBuilder name = new StringBuilder(text.length() + 32);
        for (Object part : parts)
        {
            if (part instanceof Token)
            {
                Token token = (Token) part;
                String value = values.apply(token);
                name.append(value == null ? token.text() : value);
            }
            else
            {
                name.append((String) part);
            }
        }
        return name.toString();
    }

    @Override
    public String toString()
    {
        return text;
    }

    /** One {@code {token}}: which substitution, and for env/sysprop the variable and its default. */
    public static final class Token
    {
        private final String text;
        private final Substitution substitution;
        private final String variable;
        private final String defaultValue;

        private Token(String text, Substitution substitution, String variable, String defaultValue)
        {
            this.text = text;
            this.substitution = substitution;
            this.variable = variable;
            this.defaultValue = defaultValue;
        }

        static Token of(String text)
        {
            String body = text.substring(1, text.length() - 1);
            Substitution substitution = Substitution.forBody(body);
            if (substitution == null)
            {
                throw new IllegalArgumentException("unknown token " + text + "; tokens are "
                        + Substitution.allUsages());
            }
            if (!substitution.takesName())
            {
                return new Token(text, substitution, null, null);
            }
            String rest = body.substring(substitution.key().length() + 1);
            int colon = rest.indexOf(':');
            String variable = colon < 0 ? rest : rest.substring(0, colon);
            String defaultValue = colon < 0 ? null : rest.substring(colon + 1);
            if (variable.isEmpty())
            {
                throw new IllegalArgumentException("token " + text + " names no variable; write "
                        + substitution.usage());
            }
            return new Token(text, substitution, variable, defaultValue);
        }

        /** The token as written, braces included. */
        public String text()
        {
            return text;
        }

        public Substitution substitution()
        {
            return substitution;
        }

        /** The environment variable or system property of {@code env}/{@code sysprop}; null for the others. */
        public String variable()
        {
            return variable;
        }

        /** The default written after the variable's name, or null when none was given. */
        public String defaultValue()
        {
            return defaultValue;
        }

        @Override
        public String toString()
        {
            return text;
        }
    }
}
