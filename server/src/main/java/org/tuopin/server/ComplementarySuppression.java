package org.tuopin.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Small-count suppression with complements, on the cells of one period. A cell is one count of one
 * region ({@code poor_households} of a village, say). Primary cells (small village counts) are
 * suppressed; then complements are added until every published sum is safe:
 *
 * <ul>
 *   <li>A sum is a published identity {@code total = part + part + ...}: a region's count and its
 *       child regions' counts (a township and its villages), or a count and its breakdown in one
 *       row (monitored households = the three monitoring types).
 *   <li>A sum is safe when it holds no suppressed cell; or when at least two of its cells are
 *       suppressed and what they leave unexplained is not zero (else each would be known to be 0),
 *       or its total is among them; or when its total is published and is zero (then every part is
 *       zero, and the total says so: zeros under a published zero are not protected).
 *   <li>An unsafe sum gets one more suppressed cell: its smallest published non-zero part (ties by
 *       region code), or, when no part is left, its total. Suppressing a total makes the sum one
 *       level up unsafe in turn, so complements climb the hierarchy only where a region has a
 *       single child.
 *   <li>Linked cells (a count of households and the persons in them) are suppressed together.
 * </ul>
 *
 * This is the usual "at least two suppressed cells per sum" rule of secondary suppression (as in
 * τ-ARGUS's hypercube method, without its cost optimisation). It is repeated until no sum changes,
 * so the result holds for every sum at once. The choice is deterministic: the same cells give the
 * same pattern, whichever user asks.
 */
final class ComplementarySuppression {
  /** One count of one region. */
  record Cell(String region, String measure) {
    Cell {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(measure, "measure");
    }
  }

  /** A published identity: {@code total} is the sum of {@code parts}. */
  record Sum(Cell total, List<Cell> parts) {
    Sum {
      Objects.requireNonNull(total, "total");
      parts = List.copyOf(parts);
    }
  }

  private final Map<Cell, Long> values;
  private final List<Sum> sums;
  private final List<List<String>> linkedMeasures;
  private final Set<Cell> suppressed = new HashSet<>();

  private ComplementarySuppression(
      Map<Cell, Long> values, List<Sum> sums, List<List<String>> linkedMeasures) {
    this.values = values;
    this.sums = sums;
    this.linkedMeasures = linkedMeasures;
  }

  /**
   * The cells to suppress: {@code primary} and the complements the class describes, in the order of
   * {@code sums}. Every cell of a sum must have a value; {@code linkedMeasures} are the measures
   * suppressed together within a region (where the region has them).
   */
  static Set<Cell> suppress(
      Map<Cell, Long> values,
      Set<Cell> primary,
      List<Sum> sums,
      List<List<String>> linkedMeasures) {
    ComplementarySuppression run = new ComplementarySuppression(values, sums, linkedMeasures);
    run.suppressed.addAll(primary);
    run.complete();
    return Set.copyOf(run.suppressed);
  }

  private void complete() {
    boolean changed = true;
    while (changed) {
      changed = suppressLinked();
      for (Sum sum : sums) {
        if (!isSafe(sum)) {
          Optional<Cell> complement = complementOf(sum);
          if (complement.isPresent()) {
            suppressed.add(complement.get());
            changed = true;
          }
        }
      }
    }
  }

  private boolean suppressLinked() {
    List<Cell> linked = new ArrayList<>();
    for (Cell cell : suppressed) {
      for (List<String> link : linkedMeasures) {
        if (link.contains(cell.measure())) {
          for (String measure : link) {
            Cell other = new Cell(cell.region(), measure);
            if (values.containsKey(other) && !suppressed.contains(other)) {
              linked.add(other);
            }
          }
        }
      }
    }
    return suppressed.addAll(linked);
  }

  /** Whether the sum lets no suppressed cell be worked out (see the class comment). */
  boolean isSafe(Sum sum) {
    boolean totalSuppressed = suppressed.contains(sum.total());
    long suppressedParts = sum.parts().stream().filter(suppressed::contains).count();
    long count = suppressedParts + (totalSuppressed ? 1 : 0);
    if (count == 0) {
      return true;
    }
    if (!totalSuppressed && value(sum.total()) == 0) {
      return true;
    }
    long unexplained =
        sum.parts().stream().filter(suppressed::contains).mapToLong(this::value).sum();
    return count >= 2 && (totalSuppressed || unexplained > 0);
  }

  private Optional<Cell> complementOf(Sum sum) {
    List<Cell> candidates = new ArrayList<>();
    for (Cell part : sum.parts()) {
      if (!suppressed.contains(part) && value(part) > 0) {
        candidates.add(part);
      }
    }
    if (!candidates.isEmpty()) {
      candidates.sort(Comparator.comparingLong(this::value).thenComparing(Cell::region));
      return Optional.of(candidates.get(0));
    }
    return suppressed.contains(sum.total()) ? Optional.empty() : Optional.of(sum.total());
  }

  private long value(Cell cell) {
    Long value = values.get(cell);
    if (value == null) {
      throw new IllegalArgumentException("No value for " + cell);
    }
    return value;
  }
}
