package org.tuopin.sample;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How an office's software writes text files: Excel on a Chinese Windows writes GB18030. */
enum TextEncoding {
  UTF8(StandardCharsets.UTF_8, new byte[0]),
  UTF8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
  GB18030(Charset.forName("GB18030"), new byte[0]);

  final Charset charset;
  final byte[] prefix;

  TextEncoding(Charset charset, byte[] prefix) {
    this.charset = charset;
    this.prefix = prefix;
  }

  /**
   * An office that writes Chinese headers uses Excel: half of them save as GB18030, the rest as
   * UTF-8 with a BOM. Offices with English headers export UTF-8 from a system.
   */
  static TextEncoding ofOffice(long seed, String unitCode, boolean chineseHeaders) {
    if (!chineseHeaders) {
      return UTF8;
    }
    return Seeds.random(seed, "encoding", unitCode).nextBoolean() ? GB18030 : UTF8_BOM;
  }
}
