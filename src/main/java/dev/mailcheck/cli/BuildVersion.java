package dev.mailcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build. */
public final class BuildVersion {
  private BuildVersion() {}

  public static String current() {
    // From the jar's manifest (Implementation-Version), which the JVM has read to find Main: no
    // resource lookup, whose jar: URL machinery loads some 30 classes on the --version path.
    String fromManifest = BuildVersion.class.getPackage().getImplementationVersion();
    if (fromManifest != null) return fromManifest;
    // classes run from a folder (tests, an IDE): the properties Maven filtered at build time
    try (InputStream in =
        BuildVersion.class.getResourceAsStream("/dev/mailcheck/version.properties")) {
      if (in == null) return "dev";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
