package org.tuopin.etl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LandingReaderTest {
  private static final long MB = 1L << 20;

  @Test
  void aSmallMonthIsReadInOneSlice() {
    // The demo's month: 48 files, 1.4 MB.
    assertEquals(1, LandingReader.slices(1_400_000, 48, 2));
    assertEquals(1, LandingReader.slices(0, 3, 2));
  }

  @Test
  void aLargeMonthGetsTwoSlicesPerCoreAtMost() {
    assertEquals(2, LandingReader.slices(17 * MB, 48, 2));
    assertEquals(4, LandingReader.slices(900 * MB, 48, 2));
    assertEquals(16, LandingReader.slices(900 * MB, 48, 8));
  }

  @Test
  void neverMoreSlicesThanFiles() {
    assertEquals(2, LandingReader.slices(900 * MB, 2, 8));
    assertEquals(1, LandingReader.slices(0, 0, 2));
  }
}
