package org.tuopin.etl.profile;

import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.executor.TaskMetrics;

/** One step's figures: the driver's wall time, and its Spark tasks' totals. */
public final class StepFigures {
  static final String HEADER =
      String.format(
          "%-44s %8s %6s %9s %9s %9s %9s %9s",
          "step", "wall s", "tasks", "task s", "CPU s", "read MB", "write MB", "shuffle MB");

  private final String step;
  private final LongAdder wallNanos = new LongAdder();
  private final LongAdder tasks = new LongAdder();
  private final LongAdder runMillis = new LongAdder();
  private final LongAdder cpuNanos = new LongAdder();
  private final LongAdder bytesRead = new LongAdder();
  private final LongAdder bytesWritten = new LongAdder();
  private final LongAdder bytesShuffled = new LongAdder();

  StepFigures(String step) {
    this.step = step;
  }

  void addWall(long nanos) {
    wallNanos.add(nanos);
  }

  void addTask(TaskMetrics metrics) {
    tasks.increment();
    runMillis.add(metrics.executorRunTime());
    cpuNanos.add(metrics.executorCpuTime());
    bytesRead.add(metrics.inputMetrics().bytesRead());
    bytesWritten.add(metrics.outputMetrics().bytesWritten());
    bytesShuffled.add(metrics.shuffleWriteMetrics().bytesWritten());
  }

  public String step() {
    return step;
  }

  public double wallSeconds() {
    return wallNanos.sum() / 1e9;
  }

  public long tasks() {
    return tasks.sum();
  }

  /** The tasks' run time, summed over the executors' cores. */
  public double taskSeconds() {
    return runMillis.sum() / 1e3;
  }

  public double cpuSeconds() {
    return cpuNanos.sum() / 1e9;
  }

  String line() {
    return String.format(
        "%-44s %8.1f %6d %9.1f %9.1f %9.1f %9.1f %9.1f",
        step,
        wallSeconds(),
        tasks(),
        taskSeconds(),
        cpuSeconds(),
        bytesRead.sum() / 1e6,
        bytesWritten.sum() / 1e6,
        bytesShuffled.sum() / 1e6);
  }
}
