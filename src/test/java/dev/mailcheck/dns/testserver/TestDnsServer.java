package dev.mailcheck.dns.testserver;

import dev.mailcheck.dns.RecordType;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * An in-process authoritative DNS server for tests: UDP and TCP on 127.0.0.1 (one ephemeral port
 * for both), answering from zones (zone files or records built in code), with fault injection per
 * name and type. It sets RA as a recursive server would, so mailcheck can use it as its resolver:
 * {@code --resolver server.address()}.
 *
 * <pre>{@code
 * try (TestDnsServer dns = TestDnsServer.start("zones/example.test.zone")
 *         .txt("_dmarc.example.test", "v=DMARC1; p=reject")
 *         .servfail("broken.example.test", RecordType.MX)) {
 *   CliRun.of("mx", "example.test", "--resolver", dns.address());
 * }
 * }</pre>
 *
 * <p>Answers: NXDOMAIN for a name that does not exist in a zone, NOERROR with an empty answer
 * (NODATA) for an existing name (or empty non-terminal) without the type, SOA in the authority
 * section for both; CNAME chains are followed in the answer while they stay inside the zone (a
 * chain leaving it ends at the CNAME, as a partial answer the client must chase); REFUSED for a
 * name outside every zone. UDP answers larger than the client's EDNS payload (512 without EDNS) are
 * truncated with TC set. Faults: {@link #servfail}, {@link #refused}, {@link #rcode}, {@link #drop}
 * (no answer: the client times out), {@link #truncate} (TC on UDP, full answer on TCP), {@link
 * #delay} and the global {@link #latency}. The name "*" stands for every name; the overloads
 * without a type for every type. Every query received is logged ({@link #queries()}).
 */
public final class TestDnsServer implements AutoCloseable {
  /** One query as the server received it: name lower case without the trailing dot. */
  public record Query(String name, String type, String transport) {}

  private enum Kind {
    RCODE,
    DROP,
    TRUNCATE
  }

  private record Fault(Kind kind, int rcode) {}

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final List<Zone> zones = new CopyOnWriteArrayList<>();
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final List<Query> log = new CopyOnWriteArrayList<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean open = true;

  private TestDnsServer() throws IOException {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    DatagramSocket u = null;
    ServerSocket t = null;
    for (int i = 0; i < 20 && t == null; i++) {
      u = new DatagramSocket(new InetSocketAddress(lo, 0));
      try {
        t = new ServerSocket(u.getLocalPort(), 50, lo);
      } catch (IOException busy) {
        u.close();
      }
    }
    if (t == null) throw new IOException("no free port for both UDP and TCP");
    udp = u;
    tcp = t;
    Thread.ofVirtual().name("testdns-udp").start(this::serveUdp);
    Thread.ofVirtual().name("testdns-tcp").start(this::serveTcp);
  }

  /** Starts a server with the given zone files: classpath resources or paths, named ORIGIN.zone. */
  public static TestDnsServer start(String... zoneFiles) {
    try {
      TestDnsServer s = new TestDnsServer();
      for (String f : zoneFiles) s.zoneFile(f);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds a zone file: a classpath resource ("zones/example.test.zone") or a file path. The origin
   * is the file name without ".zone" unless the file says {@code $ORIGIN}.
   */
  public TestDnsServer zoneFile(String resourceOrPath) {
    String file = resourceOrPath.substring(resourceOrPath.lastIndexOf('/') + 1);
    String origin = file.endsWith(".zone") ? file.substring(0, file.length() - 5) : file;
    try (InputStream in = open(resourceOrPath)) {
      return zone(origin, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resourceOrPath) throws IOException {
    InputStream in = TestDnsServer.class.getClassLoader().getResourceAsStream(resourceOrPath);
    return in != null ? in : Files.newInputStream(Path.of(resourceOrPath));
  }

  /**
   * Adds a zone from master-file text (relative names are relative to {@code origin}, default TTL
   * 300). SOA and NS records at the origin are added when the text has none.
   */
  public TestDnsServer zone(String origin, String masterText) {
    try {
      Name o = absolute(origin);
      List<Record> records = new ArrayList<>();
      try (Master m =
          new Master(
              new ByteArrayInputStream(masterText.getBytes(StandardCharsets.UTF_8)), o, 300)) {
        for (Record r; (r = m.nextRecord()) != null; ) records.add(r);
      }
      if (records.stream().noneMatch(r -> r.getType() == Type.SOA && r.getName().equals(o))) {
        records.add(0, soa(o));
      } else {
        // dnsjava wants the SOA first.
        records.sort(Comparator.comparing(r -> r.getType() == Type.SOA ? 0 : 1));
      }
      if (records.stream().noneMatch(r -> r.getType() == Type.NS && r.getName().equals(o))) {
        records.add(new NSRecord(o, DClass.IN, 300, Name.fromString("ns.invalid.")));
      }
      zones.removeIf(z -> z.getOrigin().equals(o));
      zones.add(new Zone(o, records.toArray(Record[]::new)));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds one record from a zone-file line with an absolute owner: {@code "example.test. 300 IN MX
   * 10 mx.example.test."}, TTL and class optional. It goes into the served zone that contains it,
   * or a new zone at its last two labels.
   */
  public TestDnsServer record(String line) {
    try {
      String text = line.strip();
      String ownerText = text.split("\\s+", 2)[0];
      Name owner = absolute(ownerText);
      Record r;
      try (Master m =
          new Master(
              new ByteArrayInputStream((text + "\n").getBytes(StandardCharsets.UTF_8)),
              Name.root,
              300)) {
        r = m.nextRecord();
      }
      if (r == null) throw new IllegalArgumentException("no record in '" + line + "'");
      zoneOf(owner).orElseGet(() -> autoZone(owner)).addRecord(r);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TestDnsServer a(String name, String address) {
    return record(fqdn(name) + " 300 IN A " + address);
  }

  public TestDnsServer aaaa(String name, String address) {
    return record(fqdn(name) + " 300 IN AAAA " + address);
  }

  public TestDnsServer mx(String name, int preference, String exchange) {
    return record(fqdn(name) + " 300 IN MX " + preference + " " + fqdn(exchange));
  }

  /** TXT with one character-string per argument (each at most 255 octets). */
  public TestDnsServer txt(String name, String... strings) {
    StringBuilder sb = new StringBuilder(fqdn(name) + " 300 IN TXT");
    for (String s : strings)
      sb.append(" \"").append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    return record(sb.toString());
  }

  public TestDnsServer ptr(String name, String target) {
    return record(fqdn(name) + " 300 IN PTR " + fqdn(target));
  }

  public TestDnsServer cname(String name, String target) {
    return record(fqdn(name) + " 300 IN CNAME " + fqdn(target));
  }

  /** Adds {@code latency} before every answer (on top of per-name delays), e.g. for benchmarks. */
  public TestDnsServer latency(Duration d) {
    latency = d;
    return this;
  }

  public TestDnsServer delay(String name, RecordType type, Duration d) {
    delays.put(key(name, type), d);
    return this;
  }

  public TestDnsServer servfail(String name, RecordType type) {
    return fault(name, type, new Fault(Kind.RCODE, Rcode.SERVFAIL));
  }

  public TestDnsServer servfail(String name) {
    return servfail(name, null);
  }

  public TestDnsServer refused(String name, RecordType type) {
    return fault(name, type, new Fault(Kind.RCODE, Rcode.REFUSED));
  }

  public TestDnsServer refused(String name) {
    return refused(name, null);
  }

  /** Answers with this RCODE (e.g. 1 FORMERR, 4 NOTIMP) and nothing else. */
  public TestDnsServer rcode(String name, RecordType type, int rcode) {
    return fault(name, type, new Fault(Kind.RCODE, rcode));
  }

  /** Never answers: the client times out. */
  public TestDnsServer drop(String name, RecordType type) {
    return fault(name, type, new Fault(Kind.DROP, 0));
  }

  public TestDnsServer drop(String name) {
    return drop(name, null);
  }

  /** Over UDP answers with TC set and an empty answer; over TCP answers in full. */
  public TestDnsServer truncate(String name, RecordType type) {
    return fault(name, type, new Fault(Kind.TRUNCATE, 0));
  }

  /** Removes every fault, delay and the latency; keeps zones and the query log. */
  public TestDnsServer clearFaults() {
    faults.clear();
    delays.clear();
    latency = Duration.ZERO;
    return this;
  }

  private TestDnsServer fault(String name, RecordType type, Fault f) {
    faults.put(key(name, type), f);
    return this;
  }

  /** "127.0.0.1:PORT", ready for {@code --resolver}. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(udp.getLocalAddress(), port());
  }

  public int port() {
    return udp.getLocalPort();
  }

  /** Every query received so far, in arrival order. */
  public List<Query> queries() {
    return List.copyOf(log);
  }

  /** How many queries for this name and type arrived (over any transport). */
  public long count(String name, RecordType type) {
    String n = normalize(name);
    return log.stream().filter(q -> q.name.equals(n) && q.type.equals(type.name())).count();
  }

  public void clearQueries() {
    log.clear();
  }

  @Override
  public void close() {
    open = false;
    udp.close();
    try {
      tcp.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private void serveUdp() {
    byte[] buf = new byte[65535];
    while (open) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        udp.receive(p);
      } catch (IOException e) {
        if (open) continue;
        return;
      }
      byte[] in = java.util.Arrays.copyOf(p.getData(), p.getLength());
      var from = p.getSocketAddress();
      Thread.ofVirtual()
          .start(
              () ->
                  handle(in, true)
                      .ifPresent(
                          out -> {
                            try {
                              udp.send(new DatagramPacket(out, out.length, from));
                            } catch (IOException ignored) {
                              // client gone or server closed
                            }
                          }));
    }
  }

  private void serveTcp() {
    while (open) {
      Socket s;
      try {
        s = tcp.accept();
      } catch (IOException e) {
        if (open) continue;
        return;
      }
      connections.add(s);
      Thread.ofVirtual().start(() -> serveConnection(s));
    }
  }

  private void serveConnection(Socket s) {
    try (s;
        DataInputStream in = new DataInputStream(s.getInputStream());
        DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
      s.setSoTimeout(10_000);
      while (open) {
        int len = in.readUnsignedShort();
        byte[] msg = in.readNBytes(len);
        if (msg.length < len) return;
        Optional<byte[]> reply = handle(msg, false);
        if (reply.isEmpty()) continue;
        synchronized (out) {
          out.writeShort(reply.get().length);
          out.write(reply.get());
          out.flush();
        }
      }
    } catch (IOException e) {
      // connection closed by the client, timed out, or server closing
    } finally {
      connections.remove(s);
    }
  }

  private Optional<byte[]> handle(byte[] wire, boolean overUdp) {
    Message query;
    try {
      query = new Message(wire);
    } catch (IOException e) {
      return Optional.empty();
    }
    Record question = query.getQuestion();
    if (question == null) return Optional.empty();
    String name = normalize(question.getName().toString());
    String type = Type.string(question.getType());
    log.add(new Query(name, type, overUdp ? "UDP" : "TCP"));

    Duration wait = latency.plus(lookup(delays, name, type).orElse(Duration.ZERO));
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    if (!open) return Optional.empty();

    Message response = header(query);
    Optional<Fault> fault = lookup(faults, name, type);
    if (fault.isPresent() && fault.get().kind == Kind.DROP) return Optional.empty();
    if (fault.isPresent() && fault.get().kind == Kind.RCODE) {
      response.getHeader().setRcode(fault.get().rcode);
      return Optional.of(response.toWire());
    }
    if (fault.isPresent() && fault.get().kind == Kind.TRUNCATE && overUdp) {
      response.getHeader().setFlag(Flags.TC);
      return Optional.of(response.toWire());
    }
    OPTRecord opt = query.getOPT();
    boolean dnssec = opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
    answer(response, question.getName(), question.getType(), dnssec);
    if (!overUdp) return Optional.of(response.toWire());
    int max = opt == null ? 512 : Math.max(512, opt.getPayloadSize());
    return Optional.of(response.toWire(max));
  }

  private static Message header(Message query) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    response.getHeader().setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) response.getHeader().setFlag(Flags.RD);
    response.addRecord(query.getQuestion(), Section.QUESTION);
    OPTRecord opt = query.getOPT();
    if (opt != null) {
      // RFC 3225 §3: the DO bit is copied into the response.
      response.addRecord(
          new OPTRecord(1232, 0, 0, opt.getFlags() & ExtendedFlags.DO), Section.ADDITIONAL);
    }
    return response;
  }

  private void answer(Message response, Name name, int type, boolean dnssec) {
    // DS lives in the parent (RFC 4035 §3.1.4.1): a server hosting both sides answers from there.
    Name asked = name;
    Optional<Zone> zone =
        type == Type.DS ? parentZoneOf(asked).or(() -> zoneOf(asked)) : zoneOf(asked);
    if (zone.isEmpty()) {
      response.getHeader().setRcode(Rcode.REFUSED);
      return;
    }
    Zone z = zone.get();
    if (dnssec && type == Type.DS) {
      answerDs(response, z, name);
      return;
    }
    for (int hop = 0; hop < 16; hop++) {
      if (!name.subdomain(z.getOrigin())) return; // a chain leaving the zone stops at the CNAME
      SetResponse sr;
      synchronized (z) {
        sr = z.findRecords(name, type);
      }
      if (sr.isSuccessful()) {
        for (RRset set : sr.answers()) add(response, set, Section.ANSWER, dnssec);
        return;
      }
      if (sr.isCNAME()) {
        RRset cname;
        synchronized (z) {
          cname = z.findExactMatch(name, Type.CNAME);
        }
        add(response, cname, Section.ANSWER, dnssec);
        name = sr.getCNAME().getTarget();
        continue;
      }
      if (sr.isNXDOMAIN() && !hasDescendants(z, name)) {
        response.getHeader().setRcode(Rcode.NXDOMAIN);
        authoritySoa(response, z, dnssec);
        if (dnssec) denial(response, z, name, true);
        return;
      }
      if (sr.isDelegation()) {
        response.getHeader().unsetFlag(Flags.AA);
        sr.getNS().rrs().forEach(r -> response.addRecord(r, Section.AUTHORITY));
        return;
      }
      // NXRRSET (NODATA) and anything else: NOERROR, empty answer, SOA for negative caching.
      authoritySoa(response, z, dnssec);
      if (dnssec) denial(response, z, name, false);
      return;
    }
  }

  private static void add(Message response, RRset set, int section, boolean dnssec) {
    if (set == null) return;
    set.rrs().forEach(r -> response.addRecord(r, section));
    if (dnssec) set.sigs().forEach(r -> response.addRecord(r, section));
  }

  private static void authoritySoa(Message response, Zone z, boolean dnssec) {
    RRset soa;
    synchronized (z) {
      soa = z.findExactMatch(z.getOrigin(), Type.SOA);
    }
    add(response, soa, Section.AUTHORITY, dnssec);
  }

  /** DS from the parent side: the records, or NODATA with the NSEC that proves their absence. */
  private static void answerDs(Message response, Zone z, Name name) {
    RRset ds;
    synchronized (z) {
      ds = z.findExactMatch(name, Type.DS);
    }
    if (ds != null) {
      add(response, ds, Section.ANSWER, true);
      return;
    }
    boolean exists = nsecAt(z, name) != null || hasDescendants(z, name) || hasData(z, name);
    if (!exists) response.getHeader().setRcode(Rcode.NXDOMAIN);
    authoritySoa(response, z, true);
    denial(response, z, name, !exists);
  }

  /**
   * The signed NSEC records that deny {@code name} (RFC 4035 §3.1.3): the NSEC at the name
   * (NODATA), or the one covering it, plus for NXDOMAIN the one covering the wildcard at the
   * closest encloser. Unsigned zones have none and get none.
   */
  private static void denial(Message response, Zone z, Name name, boolean nxdomain) {
    List<RRset> proofs = new ArrayList<>();
    RRset exact = nsecAt(z, name);
    if (exact != null) proofs.add(exact);
    else covering(z, name).ifPresent(proofs::add);
    if (nxdomain) {
      Name encloser = name;
      while (encloser.labels() > z.getOrigin().labels()) {
        encloser = new Name(encloser, 1);
        if (nsecAt(z, encloser) != null) break;
      }
      try {
        Name wildcard = Name.concatenate(Name.fromString("*"), encloser);
        covering(z, wildcard).filter(p -> !proofs.contains(p)).ifPresent(proofs::add);
      } catch (IOException e) {
        // a name too long for a wildcard label: no wildcard proof
      }
    }
    for (RRset p : proofs) add(response, p, Section.AUTHORITY, true);
  }

  private static boolean hasData(Zone z, Name name) {
    synchronized (z) {
      for (RRset set : z) if (set.getName().equals(name)) return true;
    }
    return false;
  }

  private static RRset nsecAt(Zone z, Name name) {
    synchronized (z) {
      return z.findExactMatch(name, Type.NSEC);
    }
  }

  private static Optional<RRset> covering(Zone z, Name name) {
    synchronized (z) {
      for (RRset set : z) {
        if (set.getType() != Type.NSEC) continue;
        Name owner = set.getName();
        Name next = ((org.xbill.DNS.NSECRecord) set.first()).getNext();
        boolean after = owner.compareTo(name) < 0;
        boolean before = next.compareTo(name) > 0;
        boolean wraps = next.compareTo(owner) <= 0;
        if (after && (before || wraps)) return Optional.of(set);
      }
    }
    return Optional.empty();
  }

  /** The deepest served zone that holds {@code name} as a name below its apex. */
  private Optional<Zone> parentZoneOf(Name name) {
    return zones.stream()
        .filter(z -> name.subdomain(z.getOrigin()) && !name.equals(z.getOrigin()))
        .max(Comparator.comparingInt(z -> z.getOrigin().labels()));
  }

  /** dnsjava's Zone answers NXDOMAIN for an empty non-terminal; RFC 8020 says it exists. */
  private static boolean hasDescendants(Zone z, Name name) {
    synchronized (z) {
      for (RRset set : z) {
        if (!set.getName().equals(name) && set.getName().subdomain(name)) return true;
      }
    }
    return false;
  }

  private Optional<Zone> zoneOf(Name name) {
    return zones.stream()
        .filter(z -> name.subdomain(z.getOrigin()))
        .max(Comparator.comparingInt(z -> z.getOrigin().labels()));
  }

  private Zone autoZone(Name owner) {
    int labels = owner.labels() - 1; // without the root label
    Name origin = labels <= 2 ? owner : new Name(owner, labels - 2);
    zone(origin.toString(), "");
    return zoneOf(owner).orElseThrow();
  }

  private static SOARecord soa(Name origin) throws IOException {
    return new SOARecord(
        origin,
        DClass.IN,
        300,
        Name.fromString("ns.invalid."),
        Name.fromString("hostmaster.invalid."),
        1,
        3600,
        600,
        86400,
        300);
  }

  private static <T> Optional<T> lookup(Map<String, T> map, String name, String type) {
    for (String k : List.of(name + "/" + type, name + "/*", "*/" + type, "*/*")) {
      T v = map.get(k);
      if (v != null) return Optional.of(v);
    }
    return Optional.empty();
  }

  private static String key(String name, RecordType type) {
    return (name.equals("*") ? "*" : normalize(name)) + "/" + (type == null ? "*" : type.name());
  }

  private static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") && n.length() > 1 ? n.substring(0, n.length() - 1) : n;
  }

  private static String fqdn(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  private static Name absolute(String name) throws IOException {
    return Name.fromString(fqdn(name));
  }
}
