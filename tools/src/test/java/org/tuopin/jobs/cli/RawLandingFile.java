package org.tuopin.jobs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test's own reading of a generated landing file, written from docs/sources.md and not from the
 * pipeline's reader: CSV in UTF-8 (optional BOM) or else GB18030, RFC 4180 quotes, canonical or
 * Chinese header names, codes or Chinese names for indicators and fund sources; JSON Lines; and the
 * city bulletin XLSX, turned into long-layout rows.
 */
final class RawLandingFile {
  private static final Map<String, String> HEADER_ALIASES = new HashMap<>();
  private static final Map<String, String> CODE_BY_NAME = new HashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    String[][] aliases = {
      {"报告期", "period"},
      {"区划代码", "region_code"},
      {"指标代码", "indicator_code"},
      {"单位", "unit"},
      {"年度任务", "annual_target"},
      {"累计完成", "cumulative_completed"},
      {"填报日期", "reported_at"},
      {"填报单位", "reporter"},
      {"户编号", "household_id"},
      {"村代码", "village_code"},
      {"户主身份证号", "head_id_number"},
      {"户主姓名", "head_name"},
      {"联系电话", "phone"},
      {"家庭人口数", "member_count"},
      {"贫困户状态", "status"},
      {"监测对象类型", "monitoring_type"},
      {"纳入监测时间", "monitored_on"},
      {"风险是否消除", "risk_eliminated"},
      {"风险消除时间", "risk_eliminated_on"},
      {"身份证号", "id_number"},
      {"姓名", "name"},
      {"与户主关系", "relation"},
      {"指标文号", "allocation_id"},
      {"年度", "year"},
      {"资金来源", "fund_source"},
      {"金额(元)", "amount_yuan"},
      {"下达日期", "approved_on"},
      {"流水号", "txn_id"},
      {"支付日期", "paid_on"},
      {"收款人身份证号", "beneficiary_id_number"},
      {"冲正流水号", "reverses_txn_id"},
      {"农村户籍人口", "rural_population"},
      {"部门", "department"},
      {"类别", "category"},
      {"发生日期", "occurred_on"},
      {"金额", "amount_yuan"},
      {"统计截止日期", "figures_as_of"},
      {"编号", "subject_key"},
      {"走访日期", "visited_on"},
      {"核实结论", "conclusion"},
      {"备注", "note"},
    };
    for (String[] a : aliases) {
      HEADER_ALIASES.put(a[0], a[1]);
    }
    String[][] names = {
      {"易地扶贫搬迁", "relocation"}, {"农村危房改造", "house_renovation"}, {"义务教育有保障", "education_guarantee"},
      {"基本医疗有保障", "medical_guarantee"}, {"安全饮水", "safe_water"}, {"通村硬化路", "village_roads"},
      {"农网改造升级", "rural_power"}, {"通信网络覆盖", "broadband"}, {"产业扶持", "industry_support"},
      {"转移就业", "employment_transfer"}, {"扶贫小额信贷", "microcredit"}, {"村集体经济", "collective_economy"},
      {"中央财政专项扶贫资金", "central"}, {"省级财政专项扶贫资金", "provincial"}, {"市级财政专项扶贫资金", "municipal"},
      {"县级财政专项扶贫资金", "county"}, {"统筹整合涉农资金", "integrated_agri"}, {"东西部扶贫协作资金", "east_west"},
      {"社会帮扶资金", "social"}, {"金融扶贫资金", "credit"},
    };
    for (String[] n : names) {
      CODE_BY_NAME.put(n[0], n[1]);
    }
  }

  private RawLandingFile() {}

  /** Every data row of the file, keyed by canonical column name. */
  static List<Map<String, String>> rows(Path file) {
    if (file.toString().endsWith(".xlsx") || file.toString().endsWith(".xls")) {
      return RawBulletin.rows(file);
    }
    if (file.toString().endsWith(".jsonl")) {
      return jsonRows(file);
    }
    List<List<String>> records = records(file);
    List<String> header =
        records.get(0).stream().map(h -> HEADER_ALIASES.getOrDefault(h.trim(), h.trim())).toList();
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < record.size() ? record.get(i).trim() : "");
      }
      rows.add(row);
    }
    return rows;
  }

  static boolean hasColumn(Path file, String column) {
    return rows(file).stream().findFirst().map(r -> r.containsKey(column)).orElse(false);
  }

  static String code(String codeOrName) {
    return CODE_BY_NAME.getOrDefault(codeOrName, codeOrName);
  }

  static BigDecimal amount(String text) {
    return new BigDecimal(text.replace(",", ""));
  }

  static LocalDate date(String text) {
    for (String pattern : List.of("yyyy-M-d", "yyyy/M/d", "yyyy年M月d日")) {
      try {
        return LocalDate.parse(text, DateTimeFormatter.ofPattern(pattern));
      } catch (DateTimeParseException e) {
        // try the next layout the spec allows
      }
    }
    throw new IllegalArgumentException("not a date: " + text);
  }

  private static List<Map<String, String>> jsonRows(Path file) {
    List<Map<String, String>> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        JsonNode object = line.isBlank() ? null : object(line);
        if (object != null) {
          Map<String, String> row = new LinkedHashMap<>();
          object
              .properties()
              .forEach(
                  e ->
                      row.put(
                          HEADER_ALIASES.getOrDefault(e.getKey(), e.getKey()),
                          e.getValue().asText()));
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** A line's object; null for a line that is no JSON (a feed's line cut off: invalid_json). */
  private static JsonNode object(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("GB18030")); // Excel on a Chinese Windows
    }
  }

  /** The file's records as written, header first. */
  static List<List<String>> records(Path file) {
    String text;
    try {
      text = text(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }
}
