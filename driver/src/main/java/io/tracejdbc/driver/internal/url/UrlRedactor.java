package io.tracejdbc.driver.internal.url;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Masks the credentials in a JDBC URL, for {@link DbInfo#redact(String)}. It works on any URL,
 * known vendor or not, and prefers masking too much to masking too little.
 */
final class UrlRedactor {
  private static final String MASK = "***";

  private UrlRedactor() {}

  static String redact(String url) {
    if (url == null) {
      return null;
    }
    try {
      List<int[]> secrets = new ArrayList<>();
      addSecretParameters(url, secrets);
      addUserInfoPasswords(url, secrets);
      addOraclePassword(url, secrets);
      return mask(url, secrets);
    } catch (RuntimeException e) {
      // Only a bug gets here; an error message must still never show the password.
      return MASK;
    }
  }

  /** {@code key=value} where the key names a password or another secret. */
  private static void addSecretParameters(String url, List<int[]> secrets) {
    for (int eq = url.indexOf('='); eq >= 0; eq = url.indexOf('=', eq + 1)) {
      int keyEnd = eq;
      while (keyEnd > 0 && url.charAt(keyEnd - 1) == ' ') {
        keyEnd--;
      }
      int keyStart = keyEnd;
      while (keyStart > 0 && isKeyChar(url.charAt(keyStart - 1))) {
        keyStart--;
      }
      if (!isSecretKey(url.substring(keyStart, keyEnd))) {
        continue;
      }
      int start = eq + 1;
      int end = UrlText.paramValueEnd(url, start);
      // MySQL's address=(host=h)(password=p) closes the value with ')'.
      boolean inParentheses = keyStart > 0 && url.charAt(keyStart - 1) == '(';
      int close = inParentheses ? url.indexOf(')', start) : -1;
      if (close >= 0 && close < end && url.charAt(start) != '{') {
        end = close;
      }
      if (end > start) {
        secrets.add(new int[] {start, end});
      }
    }
  }

  /** The password of {@code //user:password@host}. */
  private static void addUserInfoPasswords(String url, List<int[]> secrets) {
    for (int slashes = url.indexOf("//"); slashes >= 0; slashes = url.indexOf("//", slashes + 2)) {
      int start = slashes + 2;
      int end = UrlText.indexOfAny(url, "/?#", start);
      int at = url.lastIndexOf('@', end < 0 ? url.length() - 1 : end - 1);
      int colon = url.indexOf(':', start);
      if (at >= start && colon >= 0 && colon < at) {
        secrets.add(new int[] {colon + 1, at});
      }
    }
  }

  /** The password of Oracle's {@code jdbc:oracle:thin:user/password@target}. */
  private static void addOraclePassword(String url, List<int[]> secrets) {
    int oracle = indexOfIgnoreCase(url, ":oracle:");
    if (oracle < 0) {
      return;
    }
    int typeEnd = url.indexOf(':', oracle + ":oracle:".length());
    if (typeEnd < 0) {
      return;
    }
    String afterType = url.substring(typeEnd + 1);
    // Without an @ the URL is broken, but user/password may still be what was typed.
    int at = OracleUrlParser.credentialsEnd(afterType);
    int end = at < 0 ? afterType.length() : at;
    int slash = afterType.indexOf('/');
    if (slash >= 0 && slash < end) {
      secrets.add(new int[] {typeEnd + 1 + slash + 1, typeEnd + 1 + end});
    }
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }

  private static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("passwd")
        || k.contains("passphrase")
        || k.contains("secret")
        || k.endsWith("pwd");
  }

  private static int indexOfIgnoreCase(String text, String part) {
    for (int i = 0; i + part.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return i;
      }
    }
    return -1;
  }

  private static String mask(String url, List<int[]> secrets) {
    if (secrets.isEmpty()) {
      return url;
    }
    secrets.sort(Comparator.comparingInt(range -> range[0]));
    StringBuilder out = new StringBuilder(url.length());
    int copied = 0;
    for (int[] secret : secrets) {
      if (secret[0] >= copied) {
        out.append(url, copied, secret[0]).append(MASK);
      }
      copied = Math.max(copied, secret[1]);
    }
    return out.append(url, copied, url.length()).toString();
  }
}
