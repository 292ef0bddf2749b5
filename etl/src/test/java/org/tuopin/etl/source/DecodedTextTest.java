package org.tuopin.etl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedTextTest {
  private static final String TEXT = "户编号,村代码\n510824001,苍溪县\n";

  @Test
  void utf8WithAndWithoutBom() {
    DecodedText plain = DecodedText.decode(TEXT.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    assertEquals("UTF-8", plain.encoding());
    assertEquals(TEXT, plain.text());
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    DecodedText bom = DecodedText.decode(withBom).orElseThrow();
    assertEquals("UTF-8 BOM", bom.encoding());
    assertEquals(TEXT, bom.text());
  }

  @Test
  void gb18030AsExcelOnChineseWindowsWritesIt() {
    DecodedText decoded =
        DecodedText.decode(TEXT.getBytes(Charset.forName("GB18030"))).orElseThrow();
    assertEquals("GB18030", decoded.encoding());
    assertEquals(TEXT, decoded.text());
  }

  @Test
  void bytesThatAreNeitherAreRefused() {
    // 0x80 alone is invalid UTF-8, and 0xFF is never valid in GB18030
    assertTrue(
        DecodedText.decode(new byte[] {'a', (byte) 0x80, (byte) 0xFF, (byte) 0xFF}).isEmpty());
  }
}
