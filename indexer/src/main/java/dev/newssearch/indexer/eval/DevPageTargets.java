package dev.newssearch.indexer.eval;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The quality targets on dev pages (issue 10), in one place for the {@code evaluate} command and the
 * quality-gate test: persons precision and recall per page, person facet precision, places and
 * organisations precision.
 */
public record DevPageTargets(double personPrecision, double personRecall, double personFacetPrecision,
                             double placePrecision, double organizationPrecision) {

  public static final DevPageTargets ISSUE = new DevPageTargets(0.93, 0.80, 0.95, 0.90, 0.90);

  /** Prints each target with its measured value; true when all are met. */
  public static boolean met(UnitEvaluation.Result result, PrintStream out) {
    return ISSUE.check(result, out);
  }

  public boolean check(UnitEvaluation.Result result, PrintStream out) {
    boolean all = true;
    all &= line(out, "persons precision", result.persons().precision(), personPrecision);
    all &= line(out, "persons recall", result.persons().recall(), personRecall);
    all &= line(out, "persons facet precision", result.persons().facetPrecision(), personFacetPrecision);
    all &= line(out, "places precision", result.places().precision(), placePrecision);
    all &= line(out, "organizations precision", result.organizations().precision(), organizationPrecision);
    return all;
  }

  private static boolean line(PrintStream out, String what, double value, double target) {
    boolean ok = value >= target;
    out.printf(Locale.ROOT, "target %-26s %.3f >= %.2f %s%n", what, value, target, ok ? "met" : "NOT met");
    return ok;
  }
}
