/**
 * The picocli command line: the root command with the global options every subcommand inherits
 * (--resolver, --timeout, --format/--json, --no-color, -v, --fail-on, --dns-record, --dns-replay),
 * one class per subcommand, converters that turn bad values into usage errors, and the one place
 * ({@link dev.mailcheck.cli.Main}) that maps exceptions to a one-line message and an exit code.
 * Commands parse, call the checks, and render; they hold no protocol logic. Only this package
 * imports picocli.
 */
package dev.mailcheck.cli;
