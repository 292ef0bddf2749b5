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
 */
public record RefreshSettings(
    List<String> povertyCauses,
    QualityGate gate,
    PublishSettings publish,
    MonthSettings month,
    LandingRules landingRules) {}
