package org.tuopin.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A finance system's JSON Lines feed: one object per row, empty fields left out. */
final class JsonLinesFile implements RowFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter writer;
  private final List<String> keys;

  JsonLinesFile(Path path, List<String> keys) {
    this.keys = keys;
    try {
      Files.createDirectories(path.getParent());
      this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
  }

  @Override
  public void row(List<String> fields) {
    ObjectNode object = JSON.createObjectNode();
    for (int i = 0; i < keys.size(); i++) {
      if (fields.get(i) != null && !fields.get(i).isEmpty()) {
        object.put(keys.get(i), fields.get(i));
      }
    }
    try {
      writer.write(JSON.writeValueAsString(object));
      writer.write('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A generated row does not serialize", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Writer writer() {
    return writer;
  }
}
