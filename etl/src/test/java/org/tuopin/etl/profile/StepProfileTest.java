package org.tuopin.etl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.tuopin.etl.TestSpark;

class StepProfileTest {
  @Test
  void aStepCountsTheTasksOfTheJobsItStartsAndNothingElse() throws Exception {
    SparkSession spark = TestSpark.session();
    StepProfile profile = StepProfile.of(spark);
    long rows = profile.step("count four partitions", () -> spark.range(0, 1000, 1, 4).count());
    spark.range(0, 10, 1, 3).count();

    Map<String, StepFigures> figures =
        profile.figures().stream()
            .collect(Collectors.toMap(StepFigures::step, Function.identity()));
    assertEquals(1000, rows);
    assertEquals(profile, StepProfile.of(spark), "one profile per context");
    // each job scans its partitions (4, then 3) in a stage, and adds up their counts in another
    assertTrue(figures.get("count four partitions").tasks() >= 4, "the step's scan tasks");
    assertTrue(figures.get(StepProfile.OUTSIDE_STEPS).tasks() >= 3, "the job outside a step");
    assertTrue(figures.get("count four partitions").wallSeconds() > 0);
    assertEquals(0.0, figures.get(StepProfile.OUTSIDE_STEPS).wallSeconds());
  }

  @Test
  void aDisabledProfileRunsTheStepAndMeasuresNothing() throws Exception {
    StepProfile profile = StepProfile.disabled();
    assertEquals(3L, profile.step("count", () -> TestSpark.session().range(3).count()));
    assertEquals(List.of(), profile.figures());
  }
}
