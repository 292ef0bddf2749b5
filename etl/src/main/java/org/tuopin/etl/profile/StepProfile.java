package org.tuopin.etl.profile;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Spark's own metrics of a run, per step: each step names the Spark jobs it starts (a local
 * property of the thread), and a listener adds up their tasks' run and CPU time, bytes read and
 * written and shuffled. A step's wall time is the driver's. Steps that run side by side (the lake's
 * tables) each count their own wall time; work outside any step (lake lookups, the ledger) counts
 * under {@link #OUTSIDE_STEPS}.
 */
public final class StepProfile extends SparkListener {
  public static final String OUTSIDE_STEPS = "(outside the steps)";

  /**
   * The local property naming the step: Spark passes a thread's local properties with each job it
   * starts (a job description would not do: Delta writes descriptions of its own).
   */
  private static final String STEP = "tuopin.step";

  private static final long EVENTS_WAIT_MILLIS = 60_000;

  /** One profile per Spark context: a process may build many jobs on one session (the tests). */
  private static final Map<SparkContext, StepProfile> ATTACHED = new WeakHashMap<>();

  private final SparkSession spark;
  private final Map<Integer, String> stepOfStage = new ConcurrentHashMap<>();
  private final Map<String, StepFigures> figures = new ConcurrentHashMap<>();
  private final List<String> order = new ArrayList<>();

  private StepProfile(SparkSession spark) {
    this.spark = spark;
  }

  /** The profile of what {@code spark}'s context runs, attached on first use. */
  public static StepProfile of(SparkSession spark) {
    synchronized (ATTACHED) {
      return ATTACHED.computeIfAbsent(
          spark.sparkContext(),
          context -> {
            StepProfile profile = new StepProfile(spark);
            context.addSparkListener(profile);
            return profile;
          });
    }
  }

  /** Runs {@code body} as the step {@code name}: its Spark jobs and wall time count there. */
  public <T> T step(String name, Supplier<T> body) {
    SparkContext context = spark.sparkContext();
    String outer = context.getLocalProperty(STEP);
    context.setLocalProperty(STEP, name);
    long start = System.nanoTime();
    try {
      return body.get();
    } finally {
      figuresOf(name).addWall(System.nanoTime() - start);
      context.setLocalProperty(STEP, outer);
    }
  }

  /** {@link #step(String, Supplier)} for a step without a result. */
  public void run(String name, Runnable body) {
    step(
        name,
        () -> {
          body.run();
          return null;
        });
  }

  /** The figures so far, steps in the order they first ran; waits for Spark's pending events. */
  public List<StepFigures> figures() {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(EVENTS_WAIT_MILLIS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Spark's listener events not delivered in " + EVENTS_WAIT_MILLIS + " ms", e);
    }
    synchronized (order) {
      return order.stream().map(figures::get).toList();
    }
  }

  /** The figures as a table. */
  public void print(PrintStream out) {
    out.println(StepFigures.HEADER);
    figures().forEach(f -> out.println(f.line()));
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    String step = submitted.properties() == null ? null : submitted.properties().getProperty(STEP);
    stepOfStage.put(submitted.stageInfo().stageId(), step == null ? OUTSIDE_STEPS : step);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics metrics = end.taskMetrics();
    if (metrics != null) {
      figuresOf(stepOfStage.getOrDefault(end.stageId(), OUTSIDE_STEPS)).addTask(metrics);
    }
  }

  private StepFigures figuresOf(String step) {
    return figures.computeIfAbsent(
        step,
        name -> {
          synchronized (order) {
            order.add(name);
          }
          return new StepFigures(name);
        });
  }
}
