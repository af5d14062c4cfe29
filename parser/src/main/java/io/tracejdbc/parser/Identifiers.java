package io.tracejdbc.parser;

/** Identifier helpers shared by the parser-backed and lexer-backed table finders. */
final class Identifiers {
  private Identifiers() {}

  /** {@code "PUBLIC"."BOOK"}, {@code `shop`.`book`} and {@code [dbo].[book]} lose their quotes. */
  static String unquote(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '"' && c != '`' && c != '[' && c != ']') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
