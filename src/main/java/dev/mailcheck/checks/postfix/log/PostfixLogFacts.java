package dev.mailcheck.checks.postfix.log;

import dev.mailcheck.report.view.PostfixLogView;
import java.util.Objects;

/**
 * What the log says: every counter and every table (largest first, complete up to the tables'
 * caps). The view shows the first rows; evaluate reads all of them.
 */
public record PostfixLogFacts(PostfixLogView all) {
  public PostfixLogFacts {
    Objects.requireNonNull(all);
  }
}
