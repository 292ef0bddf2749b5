package org.tuopin.etl.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * Reads a JSON Lines landing file (a finance system's feed): one object per line, keyed by the
 * contract's column names or their Chinese aliases. Each non-blank line is one record; a line that
 * is not a JSON object is kept as a record with {@link #INVALID_JSON} as its rule, so it is
 * quarantined with its line number rather than lost.
 */
public final class JsonLinesParser {
  public static final String INVALID_JSON = "invalid_json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesParser() {}

  /**
   * @param lineTextKept whether each record carries its line as raw text
   */
  static Iterator<Row> parse(LandingFile file, String encoding, String text, boolean lineTextKept) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    List<Map.Entry<Long, String>> nonBlank = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        nonBlank.add(Map.entry(i + 1L, lines[i]));
      }
    }
    if (nonBlank.isEmpty()) {
      return LandingFileParser.failed(file, encoding, "empty_file", "no JSON line");
    }
    List<JsonNode> objects = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Map.Entry<Long, String> line : nonBlank) {
      JsonNode node = objectOrNull(line.getValue());
      objects.add(node);
      if (node != null) {
        node.fieldNames().forEachRemaining(keys::add);
      }
    }
    Optional<SourceContract> contract =
        LandingFileParser.contractFor(file.source(), List.copyOf(keys));
    if (contract.isEmpty()) {
      return LandingFileParser.failed(
          file, encoding, "unknown_file_kind", "no key identifies what the file holds");
    }
    List<String> ignored =
        keys.stream().filter(k -> contract.get().canonicalName(k).isEmpty()).toList();
    List<Row> rows = new ArrayList<>(nonBlank.size() + 1);
    rows.add(
        LandingFileParser.fileRecord(file, contract.get().name(), encoding, null, null, ignored));
    for (int i = 0; i < nonBlank.size(); i++) {
      String line = nonBlank.get(i).getValue();
      rows.add(
          record(
              file,
              contract.get(),
              nonBlank.get(i).getKey(),
              lineTextKept ? line : null,
              objects.get(i)));
    }
    return rows.iterator();
  }

  private static JsonNode objectOrNull(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      // not JSON: the line becomes a record with the invalid_json rule
      return null;
    }
  }

  private static Row record(
      LandingFile file, SourceContract contract, long lineNumber, String rawText, JsonNode object) {
    Map<String, String> fields = contract.emptyFields();
    if (object != null) {
      object
          .properties()
          .forEach(
              e ->
                  contract
                      .canonicalName(e.getKey())
                      .ifPresent(
                          name ->
                              fields.put(
                                  name, e.getValue().isNull() ? null : e.getValue().asText())));
    }
    return LandingFileParser.rowRecord(
        file,
        contract,
        lineNumber,
        fields,
        object != null,
        rawText,
        object == null ? INVALID_JSON : null);
  }
}
