package dev.ciku.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Refuses an empty path on the command line, for every command at once: {@code ciku stats ''}
 * (most often an unset shell variable, {@code ciku stats "$CORPUS"}) would otherwise read the
 * current directory, and {@code --temp-dir ''} spill into it. An argument holds paths when its
 * type, or its element type, is {@link Path}, or when its field is marked {@link Paths} (the
 * corpus arguments, which are strings because {@code -} is standard input). Help and version
 * requests are left alone.
 *
 * <p>Cost: one look at each matched argument. Stateless and thread-safe. Public for the Spark
 * jobs' command line.
 */
public final class PathArguments {
  private PathArguments() {}

  /** Marks a field of strings that are paths (a field of type {@link Path} needs no mark). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Paths {}

  /**
   * Checks every command of {@code parsed}, then runs it as picocli's {@link CommandLine.RunLast}
   * does.
   *
   * @throws ParameterException (a usage error, exit 2) naming the first argument given an empty
   *     path
   */
  public static int execute(ParseResult parsed) {
    if (!helpRequested(parsed)) {
      for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
        check(pr);
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  private static boolean helpRequested(ParseResult parsed) {
    for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
      if (pr.isUsageHelpRequested() || pr.isVersionHelpRequested()) {
        return true;
      }
    }
    return false;
  }

  private static void check(ParseResult pr) {
    for (ArgSpec arg : pr.matchedArgs()) {
      if (isPath(arg) && arg.originalStringValues().contains("")) {
        throw new ParameterException(pr.commandSpec().commandLine(), "an empty "
            + describe(arg) + " ('': an unset shell variable?)", arg, "");
      }
    }
  }

  /** Whether {@code arg} takes paths. */
  static boolean isPath(ArgSpec arg) {
    if (arg.type() == Path.class || Arrays.asList(arg.auxiliaryTypes()).contains(Path.class)) {
      return true;
    }
    return arg.userObject() instanceof Field f && f.isAnnotationPresent(Paths.class);
  }

  /** "input path", "path for --known", "path for RANKED". */
  private static String describe(ArgSpec arg) {
    if (arg instanceof OptionSpec o) {
      return "path for " + o.longestName();
    }
    return "INPUT".equals(arg.paramLabel()) ? "input path" : "path for " + arg.paramLabel();
  }
}
