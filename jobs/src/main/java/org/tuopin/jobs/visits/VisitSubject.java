package org.tuopin.jobs.visits;

import java.time.LocalDate;
import java.util.List;

/**
 * One household, or one rural resident outside the registry, to visit (入户核实): what the published
 * warehouse says of it, by pseudonym only.
 *
 * @param subjectKey its household_key, or its person_key outside the registry
 * @param registered whether it is a registered household
 * @param townshipName the township of its village (the workbook's sheet)
 * @param reasons why, with the figures, one per lead or alert
 * @param flaggedOn the day its earliest lead or alert reached the county: the submission deadline
 *     day of the month after the period it was first flagged in
 */
public record VisitSubject(
    String subjectKey,
    boolean registered,
    String townshipName,
    String villageCode,
    String villageName,
    List<String> reasons,
    LocalDate flaggedOn) {

  public VisitSubject {
    reasons = List.copyOf(reasons);
  }
}
