package org.tuopin.bulletin;

/**
 * The {@code bulletin} section of conf/tuopin.yaml.
 *
 * @param scheduleTolerancePoints how many percentage points below 序时进度 a completion rate still
 *     counts as within it (coloured amber, not red); default 5
 */
public record BulletinSettings(Double scheduleTolerancePoints) {
  public static final BulletinSettings DEFAULT = new BulletinSettings(null);

  public BulletinSettings {
    scheduleTolerancePoints = scheduleTolerancePoints == null ? 5.0 : scheduleTolerancePoints;
    if (!(scheduleTolerancePoints >= 0 && scheduleTolerancePoints <= 100)) {
      throw new IllegalArgumentException(
          "bulletin.scheduleTolerancePoints: from 0 to 100 points, not " + scheduleTolerancePoints);
    }
  }
}
