package org.tuopin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.tuopin.warehouse.ReadOnlyQueries;

/**
 * What a statement sent to the server may read, checked on DuckDB's own parse tree ({@code
 * json_serialize_sql}) before it runs: exactly one SELECT (as for {@code ./tuopin sql}), whose
 * tables are the user's served relations or its own CTEs, named without a catalog or schema; no
 * table function but {@code range}, {@code generate_series} and {@code unnest}; no function named
 * with a catalog or schema. The scope is in the views the names resolve to, so no query can reach
 * past it.
 */
final class QueryGuard {
  private static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");
  private static final ObjectMapper JSON = new ObjectMapper();

  private QueryGuard() {}

  /** Refuses (ReadOnlyQueries.RefusedStatement) what the class says is refused. */
  static void check(Connection connection, String sql, Set<String> served) throws SQLException {
    JsonNode tree;
    try {
      tree = JSON.readTree(ReadOnlyQueries.requireOneSelect(connection, sql));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("DuckDB's parse tree is not JSON", e);
    }
    Set<String> cteNames = new HashSet<>();
    collectCteNames(tree, cteNames);
    walk(tree, served, cteNames);
  }

  private static void collectCteNames(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      JsonNode map = node.path("cte_map").path("map");
      map.forEach(entry -> names.add(lower(entry.path("key").asText())));
      if (node.path("type").asText().equals("CTE_NODE")) {
        names.add(lower(node.path("cte_name").asText()));
      }
    }
    node.forEach(child -> collectCteNames(child, names));
  }

  private static void walk(JsonNode node, Set<String> served, Set<String> cteNames) {
    if (node.isObject()) {
      String type = node.path("type").asText();
      if (type.equals("BASE_TABLE")) {
        checkTable(node, served, cteNames);
      } else if (type.equals("TABLE_FUNCTION")) {
        String function = lower(node.path("function").path("function_name").asText());
        if (!TABLE_FUNCTIONS.contains(function)) {
          throw refused(
              "the table function "
                  + function
                  + " is not served (only range, generate_series,"
                  + " unnest)");
        }
      } else if (node.path("class").asText().equals("FUNCTION")
          && (!node.path("catalog").asText().isEmpty()
              || !node.path("schema").asText().isEmpty())) {
        throw refused(
            "functions are named without a catalog or schema: "
                + node.path("function_name").asText());
      }
    }
    node.forEach(child -> walk(child, served, cteNames));
  }

  private static void checkTable(JsonNode table, Set<String> served, Set<String> cteNames) {
    String name = lower(table.path("table_name").asText());
    if (!table.path("catalog_name").asText().isEmpty()
        || !table.path("schema_name").asText().isEmpty()) {
      throw refused("tables are named without a catalog or schema: " + name);
    }
    if (!served.contains(name) && !cteNames.contains(name)) {
      throw refused("no table or view " + name + " is served to this user");
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static ReadOnlyQueries.RefusedStatement refused(String reason) {
    return new ReadOnlyQueries.RefusedStatement("refused: " + reason);
  }
}
