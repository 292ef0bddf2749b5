package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.year;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The registry's optional monitoring columns (防止返贫动态监测, from 2021): their typed values and their
 * rules. A household without a monitoring_type is not monitored and has none of the others.
 */
final class MonitoringChecks {
  static final String UNSTABLE = "脱贫不稳定户";
  static final String EDGE = "边缘易致贫户";
  static final String HARDSHIP = "突发严重困难户";
  static final List<String> MONITORING_TYPES = List.of(UNSTABLE, EDGE, HARDSHIP);
  static final List<String> RISK_TYPES =
      List.of("因病", "因学", "因残", "因灾", "因意外事故", "因产业项目失败", "因务工就业不稳", "缺劳动力", "其他");

  private MonitoringChecks() {}

  /** The parsed values, as {@code <column>_value}. */
  static List<Column> typed() {
    return List.of(
        Parse.date(Parse.text("monitored_on")).as("monitored_on_value"),
        Parse.yesNo(Parse.text("risk_eliminated")).as("risk_eliminated_value"),
        Parse.date(Parse.text("risk_eliminated_on")).as("risk_eliminated_on_value"));
  }

  /** The rules, after the household's own (status and exit_year are known to be valid). */
  static List<Rule> rules(int periodYear) {
    Column type = Parse.text("monitoring_type");
    Column status = Parse.text("status");
    Column monitoredOn = col("monitored_on_value");
    Column eliminated = col("risk_eliminated_value");
    Column eliminatedOn = col("risk_eliminated_on_value");
    return List.of(
        new Rule(
            "unknown_monitoring_type",
            "monitoring_type",
            Checks.in(type, MONITORING_TYPES).equalTo(lit(false))),
        new Rule(
            "unknown_risk_type",
            "risk_type",
            Checks.in(Parse.text("risk_type"), RISK_TYPES).equalTo(lit(false))),
        Checks.invalidWhen("invalid_date", "monitored_on", monitoredOn.isNull()),
        Checks.invalidWhen("invalid_yes_no", "risk_eliminated", eliminated.isNull()),
        Checks.invalidWhen("invalid_date", "risk_eliminated_on", eliminatedOn.isNull()),
        // a monitored household has the date it was taken in, and only a monitored one has any
        new Rule("monitoring_rule", "monitored_on", type.isNotNull().and(monitoredOn.isNull())),
        new Rule(
            "monitoring_rule",
            "monitoring_type",
            type.isNull().and(anyMonitoringValue().isNotNull())),
        new Rule("out_of_range", "monitored_on", year(monitoredOn).gt(periodYear)),
        new Rule(
            "risk_elimination_rule",
            "risk_eliminated_on",
            Checks.isTrue(eliminated).and(eliminatedOn.isNull())),
        new Rule(
            "risk_elimination_rule",
            "risk_eliminated_on",
            not(coalesce(eliminated, lit(false))).and(eliminatedOn.isNotNull())),
        new Rule(
            "risk_elimination_rule",
            "risk_eliminated_on",
            eliminatedOn.lt(monitoredOn).or(year(eliminatedOn).gt(periodYear))),
        new Rule("monitoring_status_rule", "status", statusDisagreesWithType(type, status)));
  }

  /**
   * An unstable household is one that exited (and may have returned); an edge household was never
   * registered poor, so it never exited; status 监测户 is for a household monitored without ever
   * having been registered poor: an edge or sudden-hardship one.
   */
  private static Column statusDisagreesWithType(Column type, Column status) {
    Column unstable =
        type.equalTo(UNSTABLE)
            .and(Checks.in(status, List.of(HouseholdStaging.STATUS_EXITED, "返贫")).equalTo(false));
    Column edge =
        type.equalTo(EDGE)
            .and(
                status
                    .equalTo(HouseholdStaging.STATUS_EXITED)
                    .or(Parse.text("exit_year").isNotNull()));
    Column monitoredOnly =
        status
            .equalTo(HouseholdStaging.STATUS_MONITORED)
            .and(type.isNull().or(Checks.in(type, List.of(EDGE, HARDSHIP)).equalTo(false)));
    return Checks.isTrue(unstable).or(Checks.isTrue(edge)).or(Checks.isTrue(monitoredOnly));
  }

  private static Column anyMonitoringValue() {
    return coalesce(
        Parse.text("risk_type"),
        Parse.text("monitored_on"),
        Parse.text("risk_eliminated"),
        Parse.text("risk_eliminated_on"));
  }

  /** The loaded columns, typed. */
  static List<Column> loaded() {
    return List.of(
        Parse.text("monitoring_type").as("monitoring_type"),
        Parse.text("risk_type").as("risk_type"),
        col("monitored_on_value").as("monitored_on"),
        col("risk_eliminated_value").as("risk_eliminated"),
        col("risk_eliminated_on_value").as("risk_eliminated_on"));
  }
}
