package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.send.Providers;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.smtp.TlsMode;
import dev.mailcheck.testing.CliRun;
import org.junit.jupiter.api.Test;

/** {@code mailcheck providers} and {@code send --provider} (input paths only: no network). */
class ProvidersCommandTest {
  @Test
  void listsEveryProviderWithItsSourceAndDate() {
    CliRun r = CliRun.of("providers");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    for (Providers.Provider p : Providers.ALL)
      assertThat(r.out())
          .contains(p.name(), p.host() + ":" + p.port(), p.source(), "checked " + p.checked());
  }

  @Test
  void theNotesWrapAtEightyColumnsAndOnlyAUrlMayStickOut() {
    CliRun r = CliRun.of("providers");
    assertThat(r.out().lines())
        .allSatisfy(
            l -> assertThat(l.length() <= 80 || l.strip().startsWith("http")).as(l).isTrue());
  }

  @Test
  void oneProviderByAlias() {
    CliRun r = CliRun.of("providers", "m365");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .startsWith("office365  smtp.office365.com:587  STARTTLS")
        .contains("Set-CASMailbox");
    assertThat(r.out()).doesNotContain("gmail");
  }

  @Test
  void theTableMatchesDocsProviders() throws Exception {
    String doc =
        java.nio.file.Files.readString(
            dev.mailcheck.testing.ProjectPaths.basedir().resolve("docs/providers.md"));
    for (Providers.Provider p : Providers.ALL) {
      String row =
          doc.lines().filter(l -> l.startsWith("| " + p.name() + " ")).findFirst().orElseThrow();
      assertThat(row)
          .contains("| " + p.host() + " | " + p.port() + " | ")
          .contains(p.tls() == TlsMode.IMPLICIT ? "implicit TLS" : "STARTTLS")
          .contains(p.source())
          .contains(p.checked());
    }
  }

  @Test
  void unknownProviderAndProviderWithServerAreUsageErrors() {
    CliRun unknown = CliRun.of("providers", "compuserve");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("unknown provider 'compuserve'", "gmail");
    CliRun send =
        CliRun.of("send", "--provider", "compuserve", "--to", "b@x.test", "--from", "a@x.test");
    assertThat(send.exitCode()).isEqualTo(ExitCode.USAGE);
    CliRun both =
        CliRun.of(
            "send",
            "--provider",
            "gmail",
            "--server",
            "127.0.0.1",
            "--to",
            "b@x.test",
            "--from",
            "a@x.test");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(both.err()).contains("--provider and --server cannot be combined");
  }
}
