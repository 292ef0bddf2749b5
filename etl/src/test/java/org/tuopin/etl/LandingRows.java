package org.tuopin.etl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.tuopin.etl.source.LandingRecords;
import org.tuopin.etl.source.SourceContract;
import scala.jdk.javaapi.CollectionConverters;

/** Hand-made landing records of one file, as the landing reader would emit them. */
public final class LandingRows {
  private final String source;
  private final SourceContract contract;
  private final String fileName;
  private final List<String> header;
  private final List<Row> rows = new ArrayList<>();

  public LandingRows(String source, SourceContract contract, String fileName, String... header) {
    this.source = source;
    this.contract = contract;
    this.fileName = fileName;
    this.header = List.of(header);
  }

  /** The next data row (line numbers start at 2, after the header), fields in header order. */
  public LandingRows row(String... values) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      fields.put(header.get(i), values[i]);
    }
    rows.add(
        RowFactory.create(
            LandingRecords.KIND_ROW,
            source,
            contract.name(),
            fileName,
            (long) rows.size() + 2,
            CollectionConverters.asScala(contract.inColumnOrder(fields)).toSeq(),
            values.length == header.size(),
            String.join(",", values),
            null,
            null,
            "UTF-8",
            null));
    return this;
  }

  public Dataset<Row> dataset() {
    return TestSpark.session().createDataFrame(rows, LandingRecords.SCHEMA);
  }
}
