package dev.ciku.discover;

/**
 * {@link DiscoverOptions} for tests, built from a base by changing only the settings a test is
 * about ({@code Settings.defaults().maxLength(3).build()}) instead of repeating the record's
 * eighteen arguments. The record's own checks run in {@link #build}. Not thread-safe.
 */
public final class Settings {
  private final int order;
  private long minCount;
  private final double pmiBase;
  private final double pmiStep;
  private final double minEntropy;
  private int maxLength;
  private final double pairPmi;
  private final double pairEntropy;
  private double redundancy;
  private final int reestimation;
  private final double mergePmi;
  private final double mergeStep;
  private double minGain;
  private final double gainStep;
  private int isolated;
  private double glueGain;
  private double numberGlue;
  private double suffixGlue;

  private Settings(DiscoverOptions o) {
    order = o.order();
    minCount = o.minCount();
    pmiBase = o.pmiBase();
    pmiStep = o.pmiStep();
    minEntropy = o.minEntropy();
    maxLength = o.maxLength();
    pairPmi = o.pairPmi();
    pairEntropy = o.pairEntropy();
    redundancy = o.redundancy();
    reestimation = o.reestimation();
    mergePmi = o.mergePmi();
    mergeStep = o.mergeStep();
    minGain = o.minGain();
    gainStep = o.gainStep();
    isolated = o.isolated();
    glueGain = o.glueGain();
    numberGlue = o.numberGlue();
    suffixGlue = o.suffixGlue();
  }

  /** {@code ciku discover}'s defaults ({@link DiscoverOptions#DEFAULT}). */
  public static Settings defaults() {
    return new Settings(DiscoverOptions.DEFAULT);
  }

  /**
   * The defaults without re-estimation, the isolated-fragment rule and the glue tests: the
   * settings {@code ciku domain} discovers with (the record's nine-argument constructor).
   */
  public static Settings withoutReestimation() {
    DiscoverOptions d = DiscoverOptions.DEFAULT;
    return new Settings(new DiscoverOptions(d.order(), d.minCount(), d.pmiBase(), d.pmiStep(),
        d.minEntropy(), d.maxLength(), d.pairPmi(), d.pairEntropy(), d.redundancy()));
  }

  public Settings minCount(long v) {
    minCount = v;
    return this;
  }

  public Settings maxLength(int v) {
    maxLength = v;
    return this;
  }

  public Settings redundancy(double v) {
    redundancy = v;
    return this;
  }

  public Settings minGain(double v) {
    minGain = v;
    return this;
  }

  public Settings isolated(int v) {
    isolated = v;
    return this;
  }

  /** {@code --glue-gain}, {@code --number-glue} and {@code --suffix-glue} at once. */
  public Settings glue(double glue, double number, double suffix) {
    glueGain = glue;
    numberGlue = number;
    suffixGlue = suffix;
    return this;
  }

  public DiscoverOptions build() {
    return new DiscoverOptions(order, minCount, pmiBase, pmiStep, minEntropy, maxLength, pairPmi,
        pairEntropy, redundancy, reestimation, mergePmi, mergeStep, minGain, gainStep, isolated,
        glueGain, numberGlue, suffixGlue);
  }
}
