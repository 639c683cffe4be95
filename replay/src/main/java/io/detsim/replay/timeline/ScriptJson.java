package io.detsim.replay.timeline;

/**
 * JSON text that is safe inside an HTML {@code <script>} element. Besides JSON's own escapes, every
 * {@code <}, {@code >} and {@code &} becomes a {@code \}{@code u} escape, so no detail can close
 * the element ({@code </script>}) or open a comment ({@code <!--}), and U+2028/U+2029 are escaped
 * because older JavaScript parsers end a line there.
 */
final class ScriptJson {
  private ScriptJson() {}

  static void string(String value, StringBuilder out) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '<':
        case '>':
        case '&':
        case '\u2028':
        case '\u2029':
          unicode(c, out);
          break;
        default:
          if (c < 0x20) {
            unicode(c, out);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static void unicode(char c, StringBuilder out) {
    out.append("\\u");
    String hex = Integer.toHexString(c);
    out.append("0".repeat(4 - hex.length())).append(hex);
  }

  /** Text for HTML element content and attribute values. */
  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
