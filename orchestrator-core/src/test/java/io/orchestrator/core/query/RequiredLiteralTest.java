package io.orchestrator.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The regex prefilter: what it requires, and that it never rejects a text the regex matches (random
 * regexes with texts drawn from them, and every character's case variants).
 */
class RequiredLiteralTest {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      nullValues = "NONE",
      value = {
        ":(22|3389)$     ~ :",
        "^svc-3$         ~ -3",
        "^java           ~ NONE",
        "10\\.0\\.0\\.1  ~ 10.0.0.1",
        "a:1+b           ~ :",
        "port 80?        ~ ' 8'",
        "x-9{2}-         ~ -",
        "x\\d+:/y        ~ :/",
        "(a|b):80        ~ :80",
        "a|:80           ~ NONE",
        "[:]80           ~ NONE",
        "(?x): 80        ~ NONE",
        "\\Q:80\\E       ~ NONE",
        "\\x3a80         ~ NONE",
        "\\p{L}:80       ~ NONE",
        ".*              ~ NONE",
      })
  void requiresTheTopLevelPunctuationAndDigitsEveryMatchContains(String regex, String expected) {
    assertThat(RequiredLiteral.of(regex.strip())).isEqualTo(expected);
  }

  @Test
  void aRegexRunsOnlyOnTextsHoldingItsRequiredLiteral() {
    Query q = Query.parse("target:/:(22|3389)$/");
    assertThat(q.terms().get(0))
        .isInstanceOfSatisfying(
            Term.FieldRegex.class, r -> assertThat(r.required()).isEqualTo(":"));
  }

  @Test
  void noTextARandomRegexMatchesLacksItsRequiredLiteral() {
    Random random = new Random(42);
    int checked = 0;
    int prefiltered = 0;
    for (int i = 0; i < 1_000; i++) {
      Node regex = random.nextInt(4) == 0 ? Node.bareAlternation(random) : Node.random(random, 2);
      String source = regex.render();
      Pattern p = Pattern.compile(source, FLAGS);
      String required = RequiredLiteral.of(source);
      prefiltered += required == null ? 0 : 1;
      for (int j = 0; j < 20; j++) {
        StringBuilder text = new StringBuilder(noise(random));
        regex.sample(random, text);
        text.append(noise(random));
        if (p.matcher(text).find()) {
          checked++;
          assertThat(required == null || text.toString().contains(required))
              .as("/%s/ requires %s but matched %s", source, required, text)
              .isTrue();
        }
      }
    }
    assertThat(checked).isGreaterThan(10_000);
    assertThat(prefiltered).isGreaterThan(150);
  }

  @Test
  void noOtherCharacterMatchesAQualifyingOneIgnoringCase() {
    for (char q = ' '; q < 128; q++) {
      if (Character.isLetter(q)) {
        continue;
      }
      Pattern p = Pattern.compile(Pattern.quote(String.valueOf(q)), FLAGS);
      for (int c = 0; c <= Character.MAX_VALUE; c++) {
        if (c != q) {
          assertThat(p.matcher(String.valueOf((char) c)).matches()).as("%s ~ %s", q, c).isFalse();
        }
      }
    }
  }

  private static String noise(Random random) {
    String chars = "ab:-.9 Kſ";
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      sb.append(chars.charAt(random.nextInt(chars.length())));
    }
    return sb.toString();
  }

  /** A random regex as a tree, rendered as source and sampled as matching text. */
  private record Node(String kind, String text, List<Node> parts, int min, int max) {
    private static final String LITERALS = "ab:-.9/ =,KkSs";

    static Node random(Random r, int depth) {
      List<Node> seq = new ArrayList<>();
      for (int i = 1 + r.nextInt(5); i > 0; i--) {
        seq.add(quantified(r, atom(r, depth)));
      }
      return new Node("seq", "", seq, 1, 1);
    }

    /** {@code a|b} with no group around it. */
    static Node bareAlternation(Random r) {
      return new Node("bare-alt", "", List.of(random(r, 1), random(r, 1)), 1, 1);
    }

    private static Node atom(Random r, int depth) {
      int k = r.nextInt(depth > 0 ? 7 : 5);
      if (k <= 1) {
        char c = LITERALS.charAt(r.nextInt(LITERALS.length()));
        return new Node("lit", String.valueOf(c), List.of(), 1, 1);
      }
      return switch (k) {
        case 2 -> new Node("dot", ".", List.of(), 1, 1);
        case 3 -> new Node("digit", "\\d", List.of(), 1, 1);
        case 4 -> new Node("anchor", r.nextBoolean() ? "\\b" : "^", List.of(), 1, 1);
        default -> new Node("alt", "", List.of(random(r, depth - 1), random(r, depth - 1)), 1, 1);
      };
    }

    private static Node quantified(Random r, Node atom) {
      if (atom.kind.equals("anchor")) {
        return atom;
      }
      // A repeated group of repeated atoms backtracks exponentially: groups are only optional.
      int k = r.nextInt(8);
      if (atom.kind.equals("alt") && (k == 1 || k == 2)) {
        k = 0;
      }
      return switch (k) {
        case 0 -> new Node("q?", "", List.of(atom), 0, 1);
        case 1 -> new Node("q*", "", List.of(atom), 0, 3);
        case 2 -> new Node("q+", "", List.of(atom), 1, 3);
        case 3 -> new Node("q{2}", "", List.of(atom), 2, 2);
        default -> atom;
      };
    }

    String render() {
      return switch (kind) {
        case "lit" -> ".".equals(text) ? "\\." : text;
        case "seq" -> String.join("", parts.stream().map(Node::render).toList());
        case "alt" -> "(" + parts.get(0).render() + "|" + parts.get(1).render() + ")";
        case "bare-alt" -> parts.get(0).render() + "|" + parts.get(1).render();
        case "dot", "digit", "anchor" -> text;
        default -> parts.get(0).render() + kind.substring(1); // a single character or a group
      };
    }

    void sample(Random r, StringBuilder out) {
      switch (kind) {
        case "lit" -> out.append(r.nextBoolean() ? text : text.toUpperCase(java.util.Locale.ROOT));
        case "seq" -> parts.forEach(p -> p.sample(r, out));
        case "alt", "bare-alt" -> parts.get(r.nextInt(2)).sample(r, out);
        case "dot" -> out.append("x:-ſ".charAt(r.nextInt(4)));
        case "digit" -> out.append((char) ('0' + r.nextInt(10)));
        case "anchor" -> out.append(r.nextBoolean() ? " " : "");
        default -> {
          for (int i = min + r.nextInt(max - min + 1); i > 0; i--) {
            parts.get(0).sample(r, out);
          }
        }
      }
    }
  }
}
