package dev.cascade.scenario;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for unknown keys and names: the closest known name within edit distance 2. */
final class Suggestions {
  static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /** The known name closest to {@code given} (ignoring case), or null if none is within 2 edits. */
  static String closest(String given, Collection<String> known) {
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    String g = given.toLowerCase(Locale.ROOT);
    for (String k : known) {
      int d = distance(g, k.toLowerCase(Locale.ROOT), bestDistance);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * "unknown WHAT 'given'; did you mean 'x'?" or, with no close name, the list of known ones (the
   * first 20).
   */
  static String unknown(String what, String given, Collection<String> known) {
    String head = "unknown " + what + " '" + shorten(given) + "'";
    String near = closest(given, known);
    if (near != null) {
      return head + "; did you mean '" + near + "'?";
    }
    if (known.isEmpty()) {
      return head + "; none are defined";
    }
    String list = String.join(", ", known.stream().limit(20).toList());
    return head + "; expected one of: " + list + (known.size() > 20 ? ", ..." : "");
  }

  static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  /**
   * Optimal string alignment distance (Levenshtein plus adjacent transpositions), or any value
   * above {@code limit} once it is certain to exceed it.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
