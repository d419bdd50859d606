package dev.mailcheck.report;

import java.util.List;
import java.util.Map;

/**
 * The score of a report (0–100), its grade (A+ to F), each category's part, and every deduction
 * with its reason, as docs/scoring.md defines them.
 */
public record Score(
    int score,
    String grade,
    Map<String, CategoryScore> categories,
    List<Deduction> deductions,
    List<String> caps) {
  public Score {
    if (score < 0 || score > 100)
      throw new IllegalArgumentException("score out of range: " + score);
    categories = Map.copyOf(categories);
    deductions = List.copyOf(deductions);
    caps = List.copyOf(caps);
  }

  /** A category's score (0–100) and its worst status. */
  public record CategoryScore(int score, Status status) {}

  /** "-15: DMARC policy is none": points taken off the total and the finding that caused it. */
  public record Deduction(int points, String findingId, String reason) {}
}
