package org.tuopin.etl.profile;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
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

  /**
   * The profile attached to the process's Spark context: a process may build many jobs on one
   * session (the tests), and each attached listener would see every task.
   */
  private static StepProfile attached;

  /** Null for a profile that measures nothing. */
  private final SparkContext context;

  private final Map<Integer, String> stepOfStage = new ConcurrentHashMap<>();

  /** Guarded by this; in the order the steps first ran. */
  private final Map<String, StepFigures> figures = new LinkedHashMap<>();

  private StepProfile(SparkContext context) {
    this.context = context;
  }

  /** The profile of what {@code spark}'s context runs, attached on first use. */
  public static synchronized StepProfile of(SparkSession spark) {
    SparkContext context = spark.sparkContext();
    if (attached == null || attached.context != context) {
      attached = new StepProfile(context);
      context.addSparkListener(attached);
    }
    return attached;
  }

  /** A profile that runs the steps and measures nothing: no listener, no figures. */
  public static StepProfile disabled() {
    return new StepProfile(null);
  }

  /** Runs {@code body} as the step {@code name}: its Spark jobs and wall time count there. */
  public <T> T step(String name, Supplier<T> body) {
    if (context == null) {
      return body.get();
    }
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

  /**
   * The figures so far, steps in the order they first ran, once Spark has delivered its pending
   * events (if it has not within a minute, the figures as they are).
   */
  public List<StepFigures> figures() throws TimeoutException {
    if (context != null) {
      context.listenerBus().waitUntilEmpty(EVENTS_WAIT_MILLIS);
    }
    synchronized (this) {
      return List.copyOf(figures.values());
    }
  }

  /** The figures as a table; a profile cut short by Spark's events says so on its last line. */
  public void print(PrintStream out) {
    out.println(StepFigures.HEADER);
    List<StepFigures> all;
    String incomplete = null;
    try {
      all = figures();
    } catch (TimeoutException e) {
      incomplete = "(incomplete: Spark's events were not all delivered in a minute)";
      synchronized (this) {
        all = List.copyOf(figures.values());
      }
    }
    all.forEach(f -> out.println(f.line()));
    if (incomplete != null) {
      out.println(incomplete);
    }
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

  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    // a stage's task-end events come before its completion: its step is no longer needed
    stepOfStage.remove(completed.stageInfo().stageId());
  }

  private synchronized StepFigures figuresOf(String step) {
    return figures.computeIfAbsent(step, StepFigures::new);
  }
}
