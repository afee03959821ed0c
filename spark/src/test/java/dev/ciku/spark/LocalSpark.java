package dev.ciku.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of the tests: {@code local[2]} on the loopback address, without the web UI,
 * so that the tests run alike on any machine and need no free port but the driver's.
 */
final class LocalSpark {
  private LocalSpark() {}

  /** A builder of that session named {@code appName}, for a test class to add its settings. */
  static SparkSession.Builder builder(String appName) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1");
  }
}
