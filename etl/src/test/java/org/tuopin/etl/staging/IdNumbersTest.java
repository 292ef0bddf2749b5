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

  @Test
  void aNumberMatchesItsCheckCharacterInEitherCaseAndTextThatIsNoNumberHasNoAnswer() {
    assertEquals(true, IdNumbers.checkDigitMatches("11010519491231002X"));
    assertEquals(true, IdNumbers.checkDigitMatches("11010519491231002x"));
    assertEquals(false, IdNumbers.checkDigitMatches("110105194912310020"));
    assertEquals(true, IdNumbers.checkDigitMatches("440524188001010014"));
    assertEquals(null, IdNumbers.checkDigitMatches("1101051949123100X2"));
    assertEquals(null, IdNumbers.checkDigitMatches("11010519491231002"));
    assertEquals(null, IdNumbers.checkDigitMatches(null));
  }
}
