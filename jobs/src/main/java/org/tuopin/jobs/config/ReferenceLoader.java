package org.tuopin.jobs.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.tuopin.etl.reference.FundSource;
import org.tuopin.etl.reference.Indicator;
import org.tuopin.etl.reference.ReferenceData;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionLevel;
import org.tuopin.etl.reference.RegionTree;

/** Builds the {@link ReferenceData} that conf/ describes. */
public final class ReferenceLoader {
  private ReferenceLoader() {}

  public static ReferenceData load(TuopinConfig config, Path configDirectory) {
    List<Region> regions = readRegions(configDirectory.resolve(config.regions()));
    for (TuopinConfig.CustomRegion custom : config.customRegions()) {
      regions.add(
          new Region(
              custom.code(),
              custom.name(),
              custom.shortName(),
              RegionLevel.COUNTY,
              custom.parentCode(),
              true));
    }
    return new ReferenceData(
        new RegionTree(regions),
        config.indicators().stream().map(i -> new Indicator(i.code(), i.name(), i.unit())).toList(),
        config.fundSources().stream().map(f -> new FundSource(f.code(), f.name())).toList(),
        config.povertyCauses(),
        config.screening().categories());
  }

  /**
   * regions.csv(.gz): region_code,region_name,region_level,parent_code (names hold no commas). The
   * shipped list is gzip-compressed: 665,000 rows in 5 MB.
   */
  static List<Region> readRegions(Path file) {
    List<Region> regions = new ArrayList<>(700_000);
    try (BufferedReader reader = open(file)) {
      String header = reader.readLine();
      if (header == null
          || !header.startsWith("region_code,region_name,region_level,parent_code")) {
        throw new IllegalArgumentException(
            file + ": expected the header region_code,region_name,region_level,parent_code");
      }
      String line;
      while ((line = reader.readLine()) != null) {
        String[] f = line.split(",", -1);
        regions.add(
            new Region(
                f[0], f[1], null, RegionLevel.ofLabel(f[2]), f[3].isEmpty() ? null : f[3], false));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the region list " + file, e);
    }
    return regions;
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
