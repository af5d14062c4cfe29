package io.tracejdbc.driver;

import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code JdbcDelegation.java}, the plain pass-through of the JDBC wrappers, from {@code
 * java.sql} by reflection: for each wrapped interface, an abstract base that hands every method the
 * interface itself declares (default methods too) to the real object, except those its {@code
 * Tracing*} class writes. Those are left abstract, so the compiler makes the tracing class write
 * them; a method that returns a JDBC object tracejdbc wraps is always among them, since the
 * identity contract wants the wrapper back. The first base of each wrapper also answers {@link
 * Wrapper}'s {@code unwrap} and {@code isWrapperFor}, by the contract every wrapper shares ({@code
 * Wrappers}).
 *
 * <p>Build only: it runs on the JDK alone, even when the driver does not compile (from the
 * repository root, {@value #COMMAND}); {@code GeneratedDelegationIsUpToDateTest} checks that the
 * file is what it writes.
 */
final class DelegationGenerator {
  static final String COMMAND =
      "java driver/src/test/java/io/tracejdbc/driver/DelegationGenerator.java";

  /** Where the file is, from the driver module. */
  static final Path FILE = Path.of("src/main/java/io/tracejdbc/driver/JdbcDelegation.java");

  /** The JDBC objects tracejdbc wraps: a method returning one is always hand-written. */
  static final Set<Class<?>> WRAPPED =
      Set.of(
          Array.class,
          Connection.class,
          Statement.class,
          PreparedStatement.class,
          CallableStatement.class,
          ResultSet.class,
          DatabaseMetaData.class);

  /**
   * One base per wrapped interface, in the order of the file. A statement level extends the tracing
   * class of the level above, so tracing is written once; each level keeps its own typed field to
   * the real object.
   */
  static final List<Base> BASES =
      List.of(
          new Base(
              Connection.class,
              "TracingConnection",
              null,
              "delegate",
              List.of(),
              Set.of(
                  "abort",
                  "clearWarnings",
                  "close",
                  "commit",
                  "endRequest",
                  "releaseSavepoint",
                  "rollback",
                  "setAutoCommit",
                  "setCatalog",
                  "setSavepoint",
                  "setSchema")),
          new Base(
              Statement.class,
              "TracingStatement",
              null,
              "delegate",
              List.of(),
              Set.of(
                  "addBatch",
                  "clearBatch",
                  "close",
                  "execute",
                  "executeBatch",
                  "executeLargeBatch",
                  "executeLargeUpdate",
                  "executeUpdate")),
          new Base(
              PreparedStatement.class,
              "TracingPreparedStatement",
              "TracingStatement",
              "prepared",
              List.of("TracingConnection connection"),
              Set.of(
                  "addBatch",
                  "clearParameters",
                  "execute",
                  "executeLargeUpdate",
                  "executeUpdate",
                  "setArray",
                  "setObject")),
          new Base(
              CallableStatement.class,
              "TracingCallableStatement",
              "TracingPreparedStatement",
              "callable",
              List.of("TracingConnection connection", "String sql", "BoundParameters parameters"),
              Set.of("getObject", "setObject")),
          new Base(
              ResultSet.class,
              "TracingResultSet",
              null,
              "delegate",
              List.of(),
              Set.of("getObject")),
          new Base(
              DatabaseMetaData.class,
              "TracingDatabaseMetaData",
              null,
              "delegate",
              List.of(),
              Set.of()),
          new Base(Array.class, "TracingArray", null, "delegate", List.of(), Set.of()));

  /**
   * The statements of the {@code captureParameters} option, chosen at {@code prepareStatement} and
   * {@code prepareCall} when it is on, so that the setters of the others only delegate: each
   * overrides every setter of its interfaces to pass the value on to the tracing class it extends
   * (which writes some setters itself, such as {@code setObject}), then keep it in {@code
   * parameters}.
   */
  static final List<Capturing> CAPTURING =
      List.of(
          new Capturing(
              "CapturingPreparedStatement",
              "TracingPreparedStatement",
              PreparedStatement.class,
              "prepared",
              List.of(PreparedStatement.class)),
          new Capturing(
              "CapturingCallableStatement",
              "TracingCallableStatement",
              CallableStatement.class,
              "callable",
              List.of(PreparedStatement.class, CallableStatement.class)));

  private static final int WIDTH = 100;

  /**
   * The pass-through of {@code iface}.
   *
   * @param tracingClass the hand-written class that extends the base
   * @param superclass the base's superclass, or null for none
   * @param field the name of the base's field that holds the real object
   * @param superParameters the constructor's parameters after the real object, passed on to the
   *     superclass's constructor with it
   * @param handWritten the names of the methods the tracing class writes besides those returning a
   *     wrapped type; every overload of a name counts
   */
  record Base(
      Class<?> iface,
      String tracingClass,
      String superclass,
      String field,
      List<String> superParameters,
      Set<String> handWritten) {

    String name() {
      return "Delegating" + iface.getSimpleName();
    }

    /**
     * The non-static methods the interface itself declares, by name then parameter types; a base
     * without a superclass also has {@link Wrapper}'s.
     */
    List<Method> methods() {
      Stream<Method> wrapper =
          isFirstWrapper() ? Arrays.stream(Wrapper.class.getDeclaredMethods()) : Stream.empty();
      return Stream.concat(Arrays.stream(iface.getDeclaredMethods()), wrapper)
          .filter(m -> !Modifier.isStatic(m.getModifiers()))
          .filter(m -> !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic())
          .sorted(
              Comparator.comparing(Method::getName)
                  .thenComparing(m -> Arrays.toString(m.getParameterTypes())))
          .collect(Collectors.toList());
    }

    /** Whether this base is the first of a {@link Wrapper}, which answers its methods. */
    boolean isFirstWrapper() {
      return superclass == null && Wrapper.class.isAssignableFrom(iface);
    }

    /** Whether the tracing class writes {@code method}, which the base then leaves abstract. */
    boolean leavesToTracingClass(Method method) {
      return handWritten.contains(method.getName()) || WRAPPED.contains(method.getReturnType());
    }
  }

  /**
   * A statement that records what its setters bind.
   *
   * @param name the class's name
   * @param superclass the tracing class it extends
   * @param real the type of the real statement its constructor takes
   * @param field the name of its constructor's real statement, as its superclass names it
   * @param interfaces the interfaces whose setters it overrides, each passing the value to super
   */
  record Capturing(
      String name, String superclass, Class<?> real, String field, List<Class<?>> interfaces) {

    /** The setters {@code iface} itself declares, by name then parameter types. */
    static List<Method> setters(Class<?> iface) {
      return Arrays.stream(iface.getDeclaredMethods())
          .filter(m -> !Modifier.isStatic(m.getModifiers()))
          .filter(m -> m.getName().startsWith("set"))
          .sorted(
              Comparator.comparing(Method::getName)
                  .thenComparing(m -> Arrays.toString(m.getParameterTypes())))
          .collect(Collectors.toList());
    }
  }

  private final Map<String, Class<?>> imports = new TreeMap<>();

  private DelegationGenerator() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of("driver").resolve(FILE);
    Files.writeString(file, source());
    System.out.println("Wrote " + file);
  }

  /** The text of {@code JdbcDelegation.java}. */
  static String source() {
    return new DelegationGenerator().file();
  }

  private String file() {
    List<String> bases = new ArrayList<>();
    for (Base base : BASES) {
      bases.add(base(base));
    }
    List<String> captures = new ArrayList<>();
    for (Capturing statement : CAPTURING) {
      captures.add(capturing(statement));
    }
    StringBuilder out =
        new StringBuilder()
            .append("// Generated by ")
            .append(COMMAND.substring("java ".length()))
            .append(", do not edit.\n")
            .append("// Regenerate from the repository root:\n")
            .append("//   ")
            .append(COMMAND)
            .append("\n")
            .append("package io.tracejdbc.driver;\n\n");
    for (String name : imports.keySet()) {
      out.append("import ").append(name).append(";\n");
    }
    out.append('\n')
        .append(
            javadoc(
                "",
                "The plain pass-through of the JDBC wrappers: per interface, an"
                    + " abstract base that hands each method the interface declares to the real object, in"
                    + " alphabetical order. The methods that do something are left abstract, for the"
                    + " {@code Tracing*} class to write. Then the statements of the captureParameters"
                    + " option, whose setters also keep what they bind."))
        .append("final class JdbcDelegation {\n")
        .append("  private JdbcDelegation() {}\n");
    for (String base : bases) {
      out.append('\n').append(base);
    }
    for (String capture : captures) {
      out.append('\n').append(capture);
    }
    return out.append("}\n").toString();
  }

  private String base(Base base) {
    String iface = name(base.iface());
    List<Method> left = new ArrayList<>();
    StringBuilder methods = new StringBuilder();
    for (Method method : base.methods()) {
      if (base.leavesToTracingClass(method)) {
        left.add(method);
      } else {
        methods.append('\n').append(method(base.field(), method));
      }
    }
    String leftNames =
        left.stream().map(Method::getName).distinct().collect(Collectors.joining(", "));
    String wrapper =
        base.isFirstWrapper()
            ? ", and {@link " + name(Wrapper.class) + "}'s by the contract of {@link Wrappers}"
            : "";
    StringBuilder out =
        new StringBuilder(
            javadoc(
                "  ",
                "{@link "
                    + iface
                    + "}'s own methods,"
                    + " passed to {@code "
                    + base.field()
                    + "}"
                    + wrapper
                    + ". Left to {@link "
                    + base.tracingClass()
                    + "}: "
                    + (leftNames.isEmpty() ? "none" : leftNames)
                    + "."));
    String header =
        "  abstract static class "
            + base.name()
            + (base.superclass() == null ? "" : " extends " + base.superclass());
    String implementsClause = "implements " + iface + " {";
    out.append(header)
        .append(header.length() + 1 + implementsClause.length() <= WIDTH ? " " : "\n      ")
        .append(implementsClause)
        .append('\n')
        .append("    final ")
        .append(iface)
        .append(' ')
        .append(base.field())
        .append(";\n\n");
    List<String> parameters = new ArrayList<>();
    parameters.add(iface + " " + base.field());
    parameters.addAll(base.superParameters());
    out.append(wrap("    ", base.name() + "(", parameters, ") {")).append('\n');
    if (base.superclass() != null) {
      List<String> arguments =
          parameters.stream()
              .map(p -> p.substring(p.lastIndexOf(' ') + 1))
              .collect(Collectors.toList());
      out.append(wrap("      ", "super(", arguments, ");")).append('\n');
    }
    out.append("      this.")
        .append(base.field())
        .append(" = ")
        .append(base.field())
        .append(";\n")
        .append("    }\n")
        .append(methods)
        .append("  }\n");
    return out.toString();
  }

  private String capturing(Capturing statement) {
    String real = name(statement.real());
    StringBuilder out =
        new StringBuilder(
            javadoc(
                "  ",
                "A {@link "
                    + statement.superclass()
                    + "} whose setters pass each value on, then keep it in {@code parameters}."));
    out.append("  static final class ")
        .append(statement.name())
        .append(" extends ")
        .append(statement.superclass())
        .append(" {\n");
    List<String> parameters =
        List.of(real + " " + statement.field(), "TracingConnection connection", "String sql");
    out.append(wrap("    ", statement.name() + "(", parameters, ") {"))
        .append('\n')
        .append("      super(")
        .append(statement.field())
        .append(", connection, sql, new BoundParameters());\n")
        .append("    }\n");
    for (Class<?> iface : statement.interfaces()) {
      for (Method setter : Capturing.setters(iface)) {
        out.append('\n').append(method("super", setter, keep(setter)));
      }
    }
    return out.append("  }\n").toString();
  }

  /** How a capturing setter keeps what it binds: SQL NULL, a stream by its length, or a value. */
  private static String keep(Method setter) {
    Class<?>[] types = setter.getParameterTypes();
    if (setter.getName().equals("setNull")) {
      return "      parameters.setNull(arg0);\n";
    }
    if (types[1] == java.io.InputStream.class || types[1] == java.io.Reader.class) {
      boolean hasLength = types.length == 3 && (types[2] == int.class || types[2] == long.class);
      return "      parameters.setStream(arg0, arg1, " + (hasLength ? "arg2" : "-1") + ");\n";
    }
    return "      parameters.set(arg0, arg1);\n";
  }

  private String method(String field, Method method) {
    return method(field, method, "");
  }

  /** The pass-through of {@code method} to {@code field}, then the statements {@code after}. */
  private String method(String field, Method method, String after) {
    String typeParameters =
        Arrays.stream(method.getTypeParameters())
            .map(this::declaration)
            .collect(Collectors.joining(", "));
    String returns = name(method.getGenericReturnType());
    Type[] types = method.getGenericParameterTypes();
    List<String> parameters = new ArrayList<>();
    List<String> arguments = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String type = name(types[i]);
      if (method.isVarArgs() && i == types.length - 1) {
        type = type.substring(0, type.length() - 2) + "...";
      }
      parameters.add(type + " arg" + i);
      arguments.add("arg" + i);
    }
    String exceptions =
        Arrays.stream(method.getGenericExceptionTypes())
            .map(this::name)
            .collect(Collectors.joining(", "));
    String head =
        "public "
            + (typeParameters.isEmpty() ? "" : "<" + typeParameters + "> ")
            + returns
            + " "
            + method.getName()
            + "(";
    String tail = exceptions.isEmpty() ? ") {" : ") throws " + exceptions + " {";
    StringBuilder out = new StringBuilder();
    if (method.isAnnotationPresent(Deprecated.class)) {
      out.append("    @Deprecated\n");
    }
    out.append("    @Override\n");
    String oneLine = wrap("    ", head, parameters, tail);
    if (oneLine.indexOf('\n') >= 0 && !exceptions.isEmpty()) {
      String signature = wrap("    ", head, parameters, ")");
      if (signature.indexOf('\n') < 0) {
        oneLine = signature + "\n        throws " + exceptions + " {";
      }
    }
    out.append(oneLine).append('\n');
    String call =
        method.getDeclaringClass() == Wrapper.class
            ? "return Wrappers." + method.getName() + "(this, " + field + ", "
            : (returns.equals("void") ? "" : "return ") + field + "." + method.getName() + "(";
    out.append(wrap("      ", call, arguments, ");")).append('\n').append(after);
    return out.append("    }\n").toString();
  }

  /** A Javadoc comment of {@code text}, filled to {@link #WIDTH} columns. */
  private static String javadoc(String indent, String text) {
    String oneLine = indent + "/** " + text + " */";
    if (oneLine.length() <= WIDTH) {
      return oneLine + "\n";
    }
    StringBuilder out = new StringBuilder(indent).append("/**\n");
    StringBuilder line = new StringBuilder(indent).append(" *");
    // "{@link X}" stays on one line
    for (String word : text.replace("{@link ", "{@link\u00a0").split(" ")) {
      if (line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(indent).append(" *");
      }
      line.append(' ').append(word);
    }
    out.append(line).append('\n').append(indent).append(" */\n");
    return out.toString().replace('\u00a0', ' ');
  }

  /**
   * {@code head}, the items separated by commas, and {@code tail}, on one line when it fits in
   * {@link #WIDTH} columns, else with the items filled into lines indented four more.
   */
  private static String wrap(String indent, String head, List<String> items, String tail) {
    String oneLine = indent + head + String.join(", ", items) + tail;
    if (oneLine.length() <= WIDTH) {
      return oneLine;
    }
    String more = indent + "    ";
    StringBuilder out = new StringBuilder(indent).append(head);
    StringBuilder line = new StringBuilder(more);
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i) + (i < items.size() - 1 ? "," : tail);
      if (line.length() > more.length() && line.length() + 1 + item.length() > WIDTH) {
        out.append('\n').append(line);
        line = new StringBuilder(more);
      }
      line.append(line.length() > more.length() ? " " : "").append(item);
    }
    return out.append('\n').append(line).toString();
  }

  private String declaration(TypeVariable<?> variable) {
    List<String> bounds =
        Stream.of(variable.getBounds())
            .filter(b -> b != Object.class)
            .map(this::name)
            .collect(Collectors.toList());
    return variable.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds));
  }

  /** How {@code type} is written in the file; its class is imported unless in java.lang. */
  private String name(Type type) {
    if (type instanceof Class<?> c) {
      if (c.isArray()) {
        return name(c.getComponentType()) + "[]";
      }
      if (c.isPrimitive()) {
        return c.getName();
      }
      if (c.getEnclosingClass() != null) {
        throw new IllegalStateException("nested types are not supported: " + c.getName());
      }
      if (!c.getPackageName().equals("java.lang")) {
        Class<?> known = imports.putIfAbsent(c.getName(), c);
        if (known == null
            && imports.values().stream()
                .anyMatch(other -> other != c && other.getSimpleName().equals(c.getSimpleName()))) {
          throw new IllegalStateException("two types named " + c.getSimpleName());
        }
      }
      return c.getSimpleName();
    }
    if (type instanceof ParameterizedType p) {
      return name(p.getRawType())
          + Stream.of(p.getActualTypeArguments())
              .map(this::name)
              .collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof WildcardType w) {
      if (w.getLowerBounds().length > 0) {
        return "? super " + name(w.getLowerBounds()[0]);
      }
      Type upper = w.getUpperBounds()[0];
      return upper == Object.class ? "?" : "? extends " + name(upper);
    }
    if (type instanceof TypeVariable<?> v) {
      return v.getName();
    }
    if (type instanceof GenericArrayType a) {
      return name(a.getGenericComponentType()) + "[]";
    }
    throw new IllegalStateException("unexpected type " + type);
  }
}
