package org.tuopin.etl.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A landing text file decoded with the encoding it was written in: strict UTF-8 (with or without
 * BOM) first, then strict GB18030 (what Excel on Chinese Windows writes). Bytes that are neither
 * are never replaced by U+FFFD: the file is refused.
 */
public record DecodedText(String text, String encoding) {
  private static final Charset GB18030 = Charset.forName("GB18030");

  public static Optional<DecodedText> decode(byte[] bytes) {
    boolean bom =
        bytes.length >= 3
            && (bytes[0] & 0xFF) == 0xEF
            && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF;
    if (bom) {
      return strict(bytes, 3, StandardCharsets.UTF_8).map(t -> new DecodedText(t, "UTF-8 BOM"));
    }
    Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return Optional.of(new DecodedText(utf8.get(), "UTF-8"));
    }
    return strict(bytes, 0, GB18030).map(t -> new DecodedText(t, "GB18030"));
  }

  private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
    try {
      return Optional.of(
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString());
    } catch (CharacterCodingException e) {
      // Not this encoding: the caller tries the next one or refuses the file.
      return Optional.empty();
    }
  }
}
