package org.tuopin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tuopin.server.ComplementarySuppression.Cell;
import org.tuopin.server.ComplementarySuppression.Sum;

/** The suppression rule on hand-made cells, each expectation worked out by hand. */
class ComplementarySuppressionTest {
  private static final String H = "poor_households";
  private static final String P = "poor_persons";

  private static Cell cell(String region) {
    return new Cell(region, H);
  }

  /**
   * A county of two townships: T1 has villages a (2), b (7), c (9); T2 has d (6) and e (8). T1 =
   * 18, T2 = 14, county = 32.
   */
  private static Map<Cell, Long> county() {
    Map<Cell, Long> values = new HashMap<>();
    values.put(cell("a"), 2L);
    values.put(cell("b"), 7L);
    values.put(cell("c"), 9L);
    values.put(cell("d"), 6L);
    values.put(cell("e"), 8L);
    values.put(cell("T1"), 18L);
    values.put(cell("T2"), 14L);
    values.put(cell("county"), 32L);
    return values;
  }

  private static List<Sum> countySums() {
    return List.of(
        new Sum(cell("T1"), List.of(cell("a"), cell("b"), cell("c"))),
        new Sum(cell("T2"), List.of(cell("d"), cell("e"))),
        new Sum(cell("county"), List.of(cell("T1"), cell("T2"))));
  }

  @Test
  void aSmallVillageGetsItsSmallestSiblingAsComplement() {
    // T1 - b - c would give a away: b (7, the smallest other) is suppressed with it
    assertEquals(
        Set.of(cell("a"), cell("b")),
        ComplementarySuppression.suppress(county(), Set.of(cell("a")), countySums(), List.of()));
  }

  @Test
  void anOnlyChildTakesItsParentAlongAndTheParentASibling() {
    // T2 with one village d (3): d = T2 = 3, so T2 is suppressed; then county - T1 gives T2 away,
    // so T1 (18) is suppressed; then T1 = a + b + c gives T1 away, so a (its smallest, 2) goes.
    Map<Cell, Long> values = new HashMap<>();
    values.put(cell("a"), 2L);
    values.put(cell("b"), 7L);
    values.put(cell("c"), 9L);
    values.put(cell("d"), 3L);
    values.put(cell("T1"), 18L);
    values.put(cell("T2"), 3L);
    values.put(cell("county"), 21L);
    List<Sum> sums =
        List.of(
            new Sum(cell("T1"), List.of(cell("a"), cell("b"), cell("c"))),
            new Sum(cell("T2"), List.of(cell("d"))),
            new Sum(cell("county"), List.of(cell("T1"), cell("T2"))));
    assertEquals(
        Set.of(cell("d"), cell("T2"), cell("T1"), cell("a")),
        ComplementarySuppression.suppress(values, Set.of(cell("d")), sums, List.of()));
  }

  @Test
  void twoSuppressedZerosAreNotEnoughWhenTheirTotalIsPublished() {
    // a = 0 and b = 0 suppressed, c = 5 published, T = 5: T - c = 0 would tell both are 0, so c
    // is suppressed too
    Map<Cell, Long> values = new HashMap<>();
    values.put(cell("a"), 0L);
    values.put(cell("b"), 0L);
    values.put(cell("c"), 5L);
    values.put(cell("T"), 5L);
    List<Sum> sums = List.of(new Sum(cell("T"), List.of(cell("a"), cell("b"), cell("c"))));
    assertEquals(
        Set.of(cell("a"), cell("b"), cell("c")),
        ComplementarySuppression.suppress(values, Set.of(cell("a"), cell("b")), sums, List.of()));
  }

  @Test
  void zerosUnderAPublishedZeroStayAlone() {
    // T = 0: every village is 0 and the township says so; nothing more to hide
    Map<Cell, Long> values = new HashMap<>();
    values.put(cell("a"), 0L);
    values.put(cell("b"), 0L);
    values.put(cell("T"), 0L);
    List<Sum> sums = List.of(new Sum(cell("T"), List.of(cell("a"), cell("b"))));
    assertEquals(
        Set.of(cell("a")),
        ComplementarySuppression.suppress(values, Set.of(cell("a")), sums, List.of()));
  }

  @Test
  void householdsAndTheirPersonsGoTogetherAndTheirComplementsToo() {
    // village a: 3 households (primary) of 9 persons, which go with them; each needs a complement
    // in its own township sum
    Map<Cell, Long> values = new HashMap<>();
    values.put(new Cell("a", H), 3L);
    values.put(new Cell("a", P), 9L);
    values.put(new Cell("b", H), 8L);
    values.put(new Cell("b", P), 20L);
    values.put(new Cell("c", H), 7L);
    values.put(new Cell("c", P), 30L);
    values.put(new Cell("T", H), 18L);
    values.put(new Cell("T", P), 59L);
    List<Sum> sums =
        List.of(
            new Sum(
                new Cell("T", H), List.of(new Cell("a", H), new Cell("b", H), new Cell("c", H))),
            new Sum(
                new Cell("T", P), List.of(new Cell("a", P), new Cell("b", P), new Cell("c", P))));
    // households: a (3) and its smallest other, c (7); persons: a (9) and b (20); and then the
    // links add c's persons and b's households: all six village cells
    assertEquals(
        Set.of(
            new Cell("a", H),
            new Cell("a", P),
            new Cell("b", H),
            new Cell("b", P),
            new Cell("c", H),
            new Cell("c", P)),
        ComplementarySuppression.suppress(
            values, Set.of(new Cell("a", H)), sums, List.of(List.of(H, P))));
  }

  @Test
  void theSameCellsGiveTheSamePatternWhateverTheirOrder() {
    Map<Cell, Long> values = county();
    values.put(cell("b"), 2L);
    values.put(cell("c"), 14L);
    // a and b both 2: both primary, T1's sum is safe (two suppressed, 4 unexplained)
    Set<Cell> once =
        ComplementarySuppression.suppress(
            values, Set.of(cell("a"), cell("b")), countySums(), List.of());
    Set<Cell> again =
        ComplementarySuppression.suppress(
            new HashMap<>(values),
            Set.of(cell("b"), cell("a")),
            List.copyOf(countySums()),
            List.of());
    assertEquals(Set.of(cell("a"), cell("b")), once);
    assertEquals(once, again);
  }
}
