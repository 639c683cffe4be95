package io.detsim.engine.metrics;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.queue.PressureState;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Label names, how the engine's enums read as label values (lower case, as the original design
 * wrote {@code reason="over_capacity"}), and the order of series within a family.
 *
 * <p>The value texts are made once, when a series is created, never per recording.
 */
final class Labels {
  private Labels() {}

  static final String MEMORY_SPACE = "memory_space";
  static final String PRIORITY = "priority";
  static final String REASON = "reason";
  static final String LEVEL = "level";
  static final String WORKER_ID = "worker_id";
  static final String ERROR_TYPE = "error_type";

  /** The memory_space value of a rejection whose space is not known (no session, say). */
  static final String SPACE_UNKNOWN = "";

  /**
   * Series order: label values compared one by one; two values of digits only compare as numbers
   * (so worker 2 comes before worker 10), anything else as strings.
   */
  static final Comparator<List<String>> VALUES_ORDER = Labels::compareValues;

  static String of(Priority priority) {
    return priority.name().toLowerCase(Locale.ROOT);
  }

  static String of(RejectReason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
  }

  static String of(PressureState level) {
    return level.name().toLowerCase(Locale.ROOT);
  }

  private static int compareValues(List<String> left, List<String> right) {
    int shared = Integer.min(left.size(), right.size());
    for (int i = 0; i < shared; i++) {
      int order = compareValue(left.get(i), right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.size(), right.size());
  }

  private static int compareValue(String left, String right) {
    if (isNumber(left) && isNumber(right)) {
      String leftDigits = withoutLeadingZeros(left);
      String rightDigits = withoutLeadingZeros(right);
      int order = Integer.compare(leftDigits.length(), rightDigits.length());
      if (order != 0) {
        return order;
      }
      order = leftDigits.compareTo(rightDigits);
      return order != 0 ? order : left.compareTo(right); // "007" and "7": still a total order
    }
    return left.compareTo(right);
  }

  private static boolean isNumber(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String withoutLeadingZeros(String digits) {
    int start = 0;
    while (start < digits.length() - 1 && digits.charAt(start) == '0') {
      start++;
    }
    return digits.substring(start);
  }
}
