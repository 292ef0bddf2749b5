package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;

/** Stages the members of a registry snapshot; each must belong to a loaded household. */
public final class MemberStaging {
  static final List<String> RELATIONS = List.of("户主", "配偶", "子女", "父母", "孙子女", "兄弟姐妹", "其他");
  static final List<String> HEALTH = List.of("健康", "长期慢性病", "患有大病", "残疾");
  static final List<String> LABOR = List.of("普通劳动力", "技能劳动力", "丧失劳动力", "无劳动力");

  /**
   * Up to this many households their ids are sent to every task (a province's million take some 100
   * MB), so the members, three times as many and with all their fields, are neither shuffled nor
   * sorted. Beyond it (a whole country's month: 30 million, 3 GB) that table would not fit a
   * driver's heap, and the members are joined by a shuffle, which spills to disk instead.
   */
  public static final long BROADCAST_HOUSEHOLDS = 4_000_000;

  private MemberStaging() {}

  /** {@link #stage(Dataset, Dataset, long)} for a snapshot small enough to broadcast. */
  public static Staged stage(Dataset<Row> landingRecords, Dataset<Row> households) {
    return stage(landingRecords, households, 0);
  }

  /**
   * @param households (member_household_id, member_county_code): the households loaded from the
   *     same snapshot
   * @param householdCount how many they are: up to {@link #BROADCAST_HOUSEHOLDS} they are sent to
   *     every task, beyond it joined by a shuffle
   */
  public static Staged stage(
      Dataset<Row> landingRecords, Dataset<Row> households, long householdCount) {
    boolean broadcastHouseholds = householdCount <= BROADCAST_HOUSEHOLDS;
    Dataset<Row> rows = Checks.rowsOf(landingRecords, Contracts.MEMBER);
    rows =
        rows.join(
            broadcastHouseholds ? broadcast(households) : households,
            Parse.text("household_id").equalTo(col("member_household_id")),
            "left");
    Dataset<Row> parsed =
        rows.select(
            col("*"),
            Parse.date(Parse.text("birth_date")).as("birth_date_value"),
            Parse.yesNo(Parse.text("in_school")).as("in_school_value"));
    Column idNumber = Parse.text("id_number");
    List<Rule> rules = new ArrayList<>(Checks.shapeRules(Contracts.MEMBER));
    rules.add(new Rule("unknown_household", "household_id", col("member_household_id").isNull()));
    rules.add(
        new Rule(
            "id_number_format", "id_number", IdNumbers.hasFormat(idNumber).equalTo(lit(false))));
    rules.add(
        new Rule(
            "id_number_check_digit",
            "id_number",
            IdNumbers.hasValidCheckDigit(idNumber).equalTo(lit(false))));
    rules.add(Checks.invalidWhen("invalid_date", "birth_date", col("birth_date_value").isNull()));
    rules.add(
        new Rule(
            "id_number_birth_date",
            "id_number",
            IdNumbers.birthDate(idNumber)
                .isNull()
                .or(IdNumbers.birthDate(idNumber).notEqual(col("birth_date_value")))));
    rules.add(
        new Rule(
            "unknown_relation",
            "relation",
            Checks.in(Parse.text("relation"), RELATIONS).equalTo(lit(false))));
    rules.add(
        new Rule(
            "invalid_sex",
            "sex",
            Checks.in(Parse.text("sex"), List.of("男", "女")).equalTo(lit(false))));
    rules.add(
        new Rule(
            "unknown_health",
            "health",
            Checks.in(Parse.text("health"), HEALTH).equalTo(lit(false))));
    rules.add(
        new Rule(
            "unknown_labor", "labor", Checks.in(Parse.text("labor"), LABOR).equalTo(lit(false))));
    rules.add(Checks.invalidWhen("invalid_yes_no", "in_school", col("in_school_value").isNull()));
    Dataset<Row> checked = Rule.check(parsed, rules);
    return Staged.split(
        checked,
        List.of(
            Parse.text("household_id").as("household_id"),
            col("member_county_code").as("county_code"),
            upper(idNumber).as("id_number"),
            Parse.text("relation").as("relation"),
            Parse.text("sex").as("sex"),
            col("birth_date_value").as("birth_date"),
            Parse.text("health").as("health"),
            Parse.text("labor").as("labor"),
            col("in_school_value").as("in_school"),
            col(LandingRecords.FILE_NAME)));
  }

  /**
   * The households a member may belong to, with their county (which the member snapshot carries),
   * in the shape {@link #stage} joins on. Loaded households are one row per id already: an id sent
   * twice is quarantined twice (duplicate_household_id).
   */
  public static Dataset<Row> households(Dataset<Row> loadedHouseholds) {
    return loadedHouseholds.select(
        col("household_id").as("member_household_id"), col("county_code").as("member_county_code"));
  }
}
