package org.tuopin.jobs.refresh;

import java.util.List;
import org.tuopin.jobs.config.QualityGate;
import org.tuopin.warehouse.PublishSettings;

/**
 * What a refresh takes from the configuration.
 *
 * @param povertyCauses the poverty causes the registry may name
 * @param gate the share of quarantined rows per source that stops a month
 * @param landingRules the sources a month must have
 * @param printProfile whether a publish ends by printing where the run's time went (environment
 *     variable TUOPIN_PROFILE=1)
 */
public record RefreshSettings(
    List<String> povertyCauses,
    QualityGate gate,
    PublishSettings publish,
    MonthSettings month,
    LandingRules landingRules,
    boolean printProfile) {}
