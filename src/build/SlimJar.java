import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step (run by Maven after the shade plugin, as a single-file program): removes from the fat
 * jar the classes under a prefix (BouncyCastle) that no class outside it can reach through class
 * file references. Opening a jar costs the JVM time per entry at every start, and BouncyCastle is
 * ~9,600 of ~12,250 entries of which mailcheck reaches ~1,400 (docs/performance.md, "Start-up").
 *
 * <pre>
 * java src/build/SlimJar.java JAR PREFIX [ALLOWED_REFLECTION...]
 * </pre>
 *
 * <p>Reachability is over-approximated: every class named by a constant pool entry or appearing in
 * any descriptor or signature string counts, in every multi-release variant of a class. Code that
 * loads classes by name escapes such an analysis, so a kept class under PREFIX that calls {@code
 * Class.forName}, {@code ClassLoader.loadClass} or {@code ServiceLoader} fails the build unless it
 * is listed in ALLOWED_REFLECTION (each entry reviewed by hand). Rewrites JAR in place; entries
 * other than classes under PREFIX are copied unchanged, in order.
 */
public final class SlimJar {
  private static final String VERSIONS = "META-INF/versions/";
  private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z0-9_$/]+)[;<]");

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: java SlimJar.java JAR PREFIX [ALLOWED_REFLECTION...]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    String prefix = args[1];
    Set<String> allowed = new HashSet<>(List.of(args).subList(2, args.length));

    Map<String, byte[]> entries = new LinkedHashMap<>();
    Map<String, ZipEntry> meta = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
        meta.put(e.getName(), e);
      }
    }

    // class name (internal form) -> references of each of its variants (base and versioned)
    Map<String, Set<String>> refs = new HashMap<>();
    Map<String, Boolean> reflective = new HashMap<>();
    for (var e : entries.entrySet()) {
      String cls = className(e.getKey());
      if (cls == null) continue;
      ClassRefs r = ClassRefs.of(e.getValue());
      refs.computeIfAbsent(cls, k -> new HashSet<>()).addAll(r.classes);
      reflective.merge(cls, r.reflective, Boolean::logicalOr);
    }

    Set<String> reached = new HashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>();
    for (String cls : refs.keySet()) {
      if (!cls.startsWith(prefix)) {
        reached.add(cls);
        todo.add(cls);
      }
    }
    while (!todo.isEmpty()) {
      for (String to : refs.getOrDefault(todo.poll(), Set.of())) {
        if (refs.containsKey(to) && reached.add(to)) todo.add(to);
      }
    }

    Set<String> unreviewed = new TreeSet<>();
    int kept = 0;
    int total = 0;
    for (String cls : refs.keySet()) {
      if (!cls.startsWith(prefix)) continue;
      total++;
      if (!reached.contains(cls)) continue;
      kept++;
      if (reflective.get(cls) && !allowed.contains(cls.replace('/', '.')))
        unreviewed.add(cls.replace('/', '.'));
    }
    if (!unreviewed.isEmpty()) {
      System.err.println(
          "SlimJar: these kept classes load classes by name, which reachability cannot see; review"
              + " each and list it in pom.xml (SlimJar's arguments) if what it loads is kept: "
              + unreviewed);
      System.exit(1);
    }

    Path tmp = jar.resolveSibling(jar.getFileName() + ".slim.tmp");
    int removed = 0;
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
      for (var e : entries.entrySet()) {
        String cls = className(e.getKey());
        if (cls != null && cls.startsWith(prefix) && !reached.contains(cls)) {
          removed++;
          continue;
        }
        byte[] content = e.getValue();
        if (e.getKey().startsWith("META-INF/services/") && !e.getKey().endsWith("/")) {
          // a provider file naming a removed class would make ServiceLoader fail
          content = withoutRemoved(content, prefix, reached);
          if (content == null) {
            removed++;
            continue;
          }
        }
        ZipEntry old = meta.get(e.getKey());
        ZipEntry copy = new ZipEntry(e.getKey());
        copy.setTime(old.getTime());
        out.putNextEntry(copy);
        out.write(content);
        out.closeEntry();
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    System.out.printf(
        "SlimJar: kept %d of %d classes under %s; %d of %d entries removed%n",
        kept, total, prefix, removed, entries.size());
  }

  /**
   * A ServiceLoader provider file without the lines naming removed classes; null when none is
   * left.
   */
  static byte[] withoutRemoved(byte[] file, String prefix, Set<String> reached) {
    StringBuilder kept = new StringBuilder();
    boolean any = false;
    for (String line : new String(file, StandardCharsets.UTF_8).split("\\R")) {
      String cls = line.replaceAll("#.*", "").strip().replace('.', '/');
      if (cls.startsWith(prefix) && !reached.contains(cls)) continue;
      kept.append(line).append('\n');
      if (!cls.isEmpty()) any = true;
    }
    return any ? kept.toString().getBytes(StandardCharsets.UTF_8) : null;
  }

  /** The internal class name of a class entry (base or multi-release variant), else null. */
  static String className(String entry) {
    if (!entry.endsWith(".class") || entry.endsWith("module-info.class")) return null;
    String name = entry.substring(0, entry.length() - ".class".length());
    if (name.startsWith(VERSIONS)) {
      int slash = name.indexOf('/', VERSIONS.length());
      if (slash < 0) return null;
      name = name.substring(slash + 1);
    } else if (name.startsWith("META-INF/")) {
      return null;
    }
    return name;
  }

  /** What one class file names: classes, and whether it loads classes by name. */
  record ClassRefs(Set<String> classes, boolean reflective) {
    static ClassRefs of(byte[] bytes) throws IOException {
      DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
      if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      Map<Integer, Integer> classNameIndex = new HashMap<>(); // CONSTANT_Class -> its name
      List<int[]> methodRefs = new ArrayList<>(); // (class, name-and-type) of each method ref
      Map<Integer, int[]> nameAndTypes = new HashMap<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7 -> classNameIndex.put(i, in.readUnsignedShort());
          case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 9, 17, 18 -> in.readInt(); // Fieldref, Dynamic, InvokeDynamic
          case 10, 11 -> methodRefs.add(new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
          case 12 -> nameAndTypes.put(i, new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      Set<String> classes = new HashSet<>();
      for (int idx : classNameIndex.values()) {
        String n = utf8[idx];
        if (n.startsWith("[")) addDescriptorClasses(n, classes);
        else classes.add(n);
      }
      for (String s : utf8) if (s != null) addDescriptorClasses(s, classes);
      boolean reflective = false;
      for (int[] m : methodRefs) {
        String owner = utf8[classNameIndex.getOrDefault(m[0], 0)];
        int[] nt = nameAndTypes.get(m[1]);
        String name = nt == null ? null : utf8[nt[0]];
        if (owner == null || name == null) continue;
        if ((owner.equals("java/lang/Class") && name.equals("forName"))
            || (owner.equals("java/lang/ClassLoader") && name.equals("loadClass"))
            || owner.equals("java/util/ServiceLoader")) reflective = true;
      }
      return new ClassRefs(classes, reflective);
    }

    private static void addDescriptorClasses(String s, Set<String> out) {
      if (s.indexOf('L') < 0) return;
      Matcher m = DESCRIPTOR_CLASS.matcher(s);
      while (m.find()) out.add(m.group(1));
    }
  }

  private SlimJar() {}
}
