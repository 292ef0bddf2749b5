package org.tuopin.etl.source;

import static org.tuopin.etl.source.ColumnSpec.optional;
import static org.tuopin.etl.source.ColumnSpec.required;

import java.util.List;

/**
 * The source contracts of docs/sources.md. They live in code, not in conf/, because every column
 * named here is read by name by the staging code: a contract is part of the program.
 */
public final class Contracts {
  public static final String SUBMISSIONS = "submissions";
  public static final String REGISTRY = "registry";
  public static final String ALLOCATIONS = "allocations";
  public static final String DISBURSEMENTS = "disbursements";
  public static final String VILLAGES = "villages";
  public static final String POPULATION = "population";
  public static final String SCREENING = "screening";
  public static final String VERIFICATIONS = "verifications";

  /** Long-layout progress submissions: one row per reporting unit and indicator. */
  public static final SourceContract SUBMISSION =
      new SourceContract(
          SUBMISSIONS,
          "submission",
          "indicator_code",
          List.of(
              required("period", "报告期"),
              required("region_code", "区划代码"),
              required("indicator_code", "指标代码"),
              required("unit", "单位"),
              required("annual_target", "年度任务"),
              required("cumulative_completed", "累计完成"),
              required("reported_at", "填报日期"),
              optional("reporter", "填报单位")));

  public static final SourceContract HOUSEHOLD =
      new SourceContract(
          REGISTRY,
          "household",
          "member_count",
          List.of(
              required("household_id", "户编号"),
              required("village_code", "村代码"),
              required("head_id_number", "户主身份证号"),
              required("head_name", "户主姓名"),
              optional("phone", "联系电话"),
              required("member_count", "家庭人口数"),
              required("poverty_cause", "主要致贫原因"),
              required("identified_year", "识别年度"),
              required("status", "贫困户状态"),
              optional("exit_year", "脱贫年度"),
              required("per_capita_income", "人均纯收入"),
              required("food_clothing_secure", "不愁吃穿"),
              required("education_secure", "义务教育有保障"),
              required("medical_secure", "基本医疗有保障"),
              required("housing_secure", "住房安全有保障"),
              required("drinking_water_secure", "饮水安全有保障"),
              required("relocated", "易地搬迁户"),
              required("dibao", "低保户"),
              // return-to-poverty monitoring, from 2021 (MonitoringChecks has their rules)
              optional("monitoring_type", "监测对象类型"),
              optional("risk_type", "风险类型"),
              optional("monitored_on", "纳入监测时间"),
              optional("risk_eliminated", "风险是否消除"),
              optional("risk_eliminated_on", "风险消除时间")));

  public static final SourceContract MEMBER =
      new SourceContract(
          REGISTRY,
          "member",
          "relation",
          List.of(
              required("household_id", "户编号"),
              required("id_number", "身份证号"),
              required("name", "姓名"),
              required("relation", "与户主关系"),
              required("sex", "性别"),
              required("birth_date", "出生日期"),
              required("health", "健康状况"),
              required("labor", "劳动技能"),
              required("in_school", "在校生")));

  public static final SourceContract ALLOCATION =
      new SourceContract(
          ALLOCATIONS,
          "allocation",
          "allocation_id",
          List.of(
              required("allocation_id", "指标文号"),
              required("year", "年度"),
              required("region_code", "区划代码"),
              required("fund_source", "资金来源"),
              required("indicator_code", "指标代码"),
              required("amount_yuan", "金额(元)"),
              required("approved_on", "下达日期")));

  public static final SourceContract DISBURSEMENT =
      new SourceContract(
          DISBURSEMENTS,
          "disbursement",
          "txn_id",
          List.of(
              required("txn_id", "流水号"),
              required("paid_on", "支付日期"),
              required("region_code", "区划代码"),
              required("fund_source", "资金来源"),
              required("indicator_code", "指标代码"),
              optional("allocation_id", "指标文号"),
              optional("household_id", "户编号"),
              optional("beneficiary_id_number", "收款人身份证号"),
              required("amount_yuan", "金额(元)"),
              optional("reverses_txn_id", "冲正流水号")));

  /** The village exit survey (贫困村退出认定): one row per village. */
  public static final SourceContract VILLAGE_SURVEY =
      new SourceContract(
          VILLAGES,
          "village_survey",
          "is_poor_village",
          List.of(
              required("village_code", "村代码"),
              required("is_poor_village", "贫困村"),
              required("collective_income_yuan", "集体经济收入"),
              required("hardened_road", "通硬化路"),
              required("clinic", "标准化卫生室"),
              required("culture_room", "文化室"),
              required("network", "通信网络"),
              required("power", "生活用电")));

  public static final SourceContract POPULATION_FIGURE =
      new SourceContract(
          POPULATION,
          "population",
          "rural_population",
          List.of(
              required("region_code", "区划代码"),
              required("year", "年度"),
              required("rural_population", "农村户籍人口")));

  /**
   * A department's signals about rural people (部门筛查预警), one row per person and event: who (the
   * identity number; the name is read and dropped), where they live, what happened and, for money,
   * how much, and the day the department's figures run to.
   */
  public static final SourceContract SCREENING_SIGNAL =
      new SourceContract(
          SCREENING,
          "signal",
          "category",
          List.of(
              required("department", "部门"),
              required("id_number", "身份证号"),
              optional("name", "姓名"),
              required("village_code", "村代码"),
              required("category", "类别"),
              required("occurred_on", "发生日期"),
              optional("amount_yuan", "金额"),
              required("figures_as_of", "统计截止日期")));

  /**
   * What the cadres found (入户核实), one row per household or person visited: the visit list's 编号 (the
   * subject's pseudonym) or the person's identity number, the day of the visit and the conclusion.
   * The list's other columns (names, villages, reasons) are ignored.
   */
  public static final SourceContract VERIFICATION =
      new SourceContract(
          VERIFICATIONS,
          "verification",
          "conclusion",
          List.of(
              optional("subject_key", "编号"),
              optional("id_number", "身份证号"),
              optional("name", "姓名"),
              required("visited_on", "走访日期"),
              required("conclusion", "核实结论"),
              optional("note", "备注")));

  /** The contracts a file in the given source folder may follow. */
  public static List<SourceContract> of(String source) {
    return switch (source) {
      case SUBMISSIONS -> List.of(SUBMISSION);
      case REGISTRY -> List.of(HOUSEHOLD, MEMBER);
      case ALLOCATIONS -> List.of(ALLOCATION);
      case DISBURSEMENTS -> List.of(DISBURSEMENT);
      case VILLAGES -> List.of(VILLAGE_SURVEY);
      case POPULATION -> List.of(POPULATION_FIGURE);
      case SCREENING -> List.of(SCREENING_SIGNAL);
      case VERIFICATIONS -> List.of(VERIFICATION);
      default -> throw new IllegalArgumentException("Unknown source: " + source);
    };
  }

  /** The sources whose folders are named by month, in the order a refresh reads them. */
  public static final List<String> MONTHLY_SOURCES =
      List.of(
          SUBMISSIONS, REGISTRY, ALLOCATIONS, DISBURSEMENTS, VILLAGES, SCREENING, VERIFICATIONS);

  private Contracts() {}
}
