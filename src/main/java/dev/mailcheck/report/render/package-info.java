/**
 * Renderers: a {@link dev.mailcheck.report.Report} in, text for people or JSON for machines out.
 * They only read the report and never call checks.
 *
 * <p>The JSON contract is {@code mailcheck.report/v1} (docs/report.schema.json): fields are only
 * added within v1. Both renderers write LF line ends on every platform. Everything a report carries
 * may come from a hostile DNS or SMTP server, so both escape what could steer a terminal (ESC and
 * the other C0 and C1 controls, DEL, U+2028/U+2029, the bidi embedding, override and isolate marks,
 * cf. Unicode TR#9 and CVE-2021-42574): the text renderer as {@code \x1b}-style escapes, the JSON
 * renderer as JSON unicode escapes that decode back to the original text. Colour is decided by the
 * caller (cli: {@code --no-color}, {@code NO_COLOR}, {@code TERM=dumb}, not a terminal). Golden
 * files: src/test/resources/dev/mailcheck/report/render/.
 */
package dev.mailcheck.report.render;
