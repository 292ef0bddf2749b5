package org.tuopin.etl.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdNumbersTest {
  @Test
  void checkCharacterOfTheStandardsWorkedExamples() {
    // GB 11643-1999 appendix example: 11010519491231002X
    assertEquals('X', IdNumbers.checkCharacter("11010519491231002"));
    // weighted sum of 44052418800101001 is 195, 195 mod 11 = 8, and "10X98765432"[8] = '4'
    assertEquals('4', IdNumbers.checkCharacter("44052418800101001"));
  }
}
