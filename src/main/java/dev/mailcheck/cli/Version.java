package dev.mailcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into version.properties at build time. */
public final class Version implements IVersionProvider {
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/mailcheck/version.properties")) {
      if (in == null) return "dev";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"mailcheck " + current()};
  }
}
