package org.tuopin.etl.model;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tuopin.etl.io.RegionParquet;
import org.tuopin.etl.reference.CityUnitNames;
import org.tuopin.etl.reference.FundSource;
import org.tuopin.etl.reference.Indicator;
import org.tuopin.etl.reference.ReferenceData;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionLevel;
import org.tuopin.etl.reference.RegionTree;
import org.tuopin.etl.reference.ScreeningCategory;
import org.tuopin.warehouse.catalog.LakeTables;

/**
 * The reference data of conf/ as Spark Datasets: the published dimensions (dim_region,
 * dim_indicator, dim_fund_source) and the look-up shapes the staging rules join on.
 */
public final class ReferenceFrames {
  public static final String DIM_REGION = LakeTables.DIM_REGION.name();
  public static final String DIM_INDICATOR = LakeTables.DIM_INDICATOR.name();
  public static final String DIM_FUND_SOURCE = LakeTables.DIM_FUND_SOURCE.name();

  private static final StructType REGION_SCHEMA = LakeSchemas.of(LakeTables.DIM_REGION);

  private final SparkSession spark;
  private final ReferenceData reference;
  private final Dataset<Row> dimRegion;
  private final CityUnitNames cityUnitNames;
  private final Optional<Path> regionFile;
  private final Dataset<Row> villages;
  private final Dataset<Row> payees;

  /** The regions as a local relation: for tests and other small region lists. */
  public ReferenceFrames(SparkSession spark, ReferenceData reference) {
    this(
        spark,
        reference,
        spark.createDataFrame(regionRows(reference.regions()), REGION_SCHEMA).cache(),
        Optional.empty());
  }

  private ReferenceFrames(
      SparkSession spark,
      ReferenceData reference,
      Dataset<Row> dimRegion,
      Optional<Path> regionFile) {
    this.spark = spark;
    this.reference = reference;
    this.dimRegion = dimRegion;
    this.regionFile = regionFile;
    this.cityUnitNames = CityUnitNames.of(reference.regions());
    this.villages =
        dimRegion
            .filter("region_level = 'village'")
            .selectExpr("region_code as known_village_code", "county_code as village_county_code")
            .cache();
    this.payees =
        dimRegion
            .filter("region_level in ('county', 'village')")
            .selectExpr("region_code as payee_region_code", "county_code as payee_county_code")
            .cache();
  }

  /**
   * The regions read from a Parquet copy under {@code folder}, written once per content: the
   * complete list is too large to hand Spark as rows every run (see {@link RegionParquet}).
   */
  public static ReferenceFrames cachedIn(SparkSession spark, ReferenceData reference, Path folder) {
    Path file =
        RegionParquet.write(
            reference.regions().all(), () -> regionRows(reference.regions()), folder);
    return new ReferenceFrames(
        spark, reference, spark.read().parquet(file.toUri().toString()).cache(), Optional.of(file));
  }

  /** The Parquet file dim_region was read from, when it was ({@link #cachedIn}). */
  public Optional<Path> regionFile() {
    return regionFile;
  }

  /** The names of each city's units, for reading the cities' XLSX progress tables. */
  public CityUnitNames cityUnitNames() {
    return cityUnitNames;
  }

  public Dataset<Row> dimRegion() {
    return dimRegion;
  }

  public Dataset<Row> dimIndicator() {
    List<Row> rows =
        reference.indicators().stream()
            .map(i -> RowFactory.create(i.code(), i.name(), i.unit()))
            .toList();
    return spark.createDataFrame(rows, LakeSchemas.of(LakeTables.DIM_INDICATOR));
  }

  public Dataset<Row> dimFundSource() {
    List<Row> rows =
        reference.fundSources().stream().map(f -> RowFactory.create(f.code(), f.name())).toList();
    return spark.createDataFrame(rows, LakeSchemas.of(LakeTables.DIM_FUND_SOURCE));
  }

  /** (unit_code): county-level reporting units, official or custom. */
  public Dataset<Row> reportingUnits() {
    return dimRegion.filter("region_level = 'county'").selectExpr("region_code as unit_code");
  }

  /**
   * (known_village_code, village_county_code); kept, as every month's stagings look codes up in it.
   */
  public Dataset<Row> villages() {
    return villages;
  }

  /** (payee_region_code, payee_county_code): county-level units and villages; kept. */
  public Dataset<Row> payees() {
    return payees;
  }

  /** (indicator_key, resolved_indicator_code, resolved_unit): keyed by code and by name. */
  public Dataset<Row> indicatorKeys() {
    List<Row> rows = new ArrayList<>();
    for (Indicator i : reference.indicators()) {
      rows.add(RowFactory.create(i.code(), i.code(), i.unit()));
      rows.add(RowFactory.create(i.name(), i.code(), i.unit()));
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("indicator_key", StringType, false)
            .add("resolved_indicator_code", StringType, false)
            .add("resolved_unit", StringType, false));
  }

  /** (screening_department, screening_category, screening_has_amount): conf screening. */
  public Dataset<Row> screeningCategories() {
    List<Row> rows =
        reference.screeningCategories().stream()
            .map(c -> RowFactory.create(c.department(), c.category(), c.hasAmount()))
            .toList();
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("screening_department", StringType, false)
            .add("screening_category", StringType, false)
            .add("screening_has_amount", BooleanType, false));
  }

  /** The departments of the screening categories. */
  public List<String> screeningDepartments() {
    return reference.screeningCategories().stream()
        .map(ScreeningCategory::department)
        .distinct()
        .toList();
  }

  /** (fund_source_key, resolved_fund_source): keyed by code and by name. */
  public Dataset<Row> fundSourceKeys() {
    List<Row> rows = new ArrayList<>();
    for (FundSource f : reference.fundSources()) {
      rows.add(RowFactory.create(f.code(), f.code()));
      rows.add(RowFactory.create(f.name(), f.code()));
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("fund_source_key", StringType, false)
            .add("resolved_fund_source", StringType, false));
  }

  static List<Row> regionRows(RegionTree tree) {
    List<Row> rows = new ArrayList<>(tree.all().size());
    for (Region region : tree.all()) {
      rows.add(
          RowFactory.create(
              region.code(),
              region.name(),
              region.level().label(),
              region.parentCode(),
              codeAt(tree, region, RegionLevel.COUNTY),
              codeAt(tree, region, RegionLevel.CITY),
              codeAt(tree, region, RegionLevel.PROVINCE),
              region.custom()));
    }
    return rows;
  }

  private static String codeAt(RegionTree tree, Region region, RegionLevel level) {
    return tree.ancestorAt(region, level).map(Region::code).orElse(null);
  }
}
