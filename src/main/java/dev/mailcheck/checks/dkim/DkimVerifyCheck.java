package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.dkim.DkimVerifier.Sha1Policy;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.DkimVerifyView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Verifies every DKIM-Signature of a message ({@code mailcheck dkim verify}). The fetch looks up
 * each signature's key (all at once, through the shared resolver) and checks the hashes and
 * signatures, which is where the message's bytes are read; the findings and the view are pure
 * functions of the resulting {@link Verification}.
 */
public final class DkimVerifyCheck implements Check<DkimVerifyCheck.Query, Verification> {
  /**
   * The message: parsed whole ({@link DkimMessage}, small inputs and tests) or streamed ({@link
   * MessageInput}: the header section read, the body hashed while it is read, so memory does not
   * grow with the message).
   *
   * @param sha1 what {@code a=rsa-sha1} gets (RFC 8301)
   */
  public record Query(
      Optional<DkimMessage> parsed, Optional<MessageInput> streamed, Sha1Policy sha1) {
    public Query {
      if (parsed.isPresent() == streamed.isPresent())
        throw new IllegalArgumentException("one message, parsed or streamed");
    }

    public static Query of(DkimMessage message) {
      return new Query(Optional.of(message), Optional.empty(), Sha1Policy.VERIFY_AND_WARN);
    }

    public static Query of(MessageInput message, Sha1Policy sha1) {
      return new Query(Optional.empty(), Optional.of(message), sha1);
    }
  }

  /**
   * Reading a streamed body may fail; the future then completes with an {@link
   * UncheckedIOException} whose cause is the {@link IOException}.
   */
  @Override
  public CompletableFuture<Verification> fetch(Query q, CheckContext ctx) {
    return ctx.async(
        () -> {
          var verifier = new DkimVerifier(ctx.dns(), ctx.settings().clock(), q.sha1());
          if (q.parsed().isPresent()) return verifier.verify(q.parsed().get());
          try {
            return verifier.verify(q.streamed().orElseThrow());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Override
  public List<Finding> evaluate(Query q, Verification v, CheckSettings settings) {
    return SignatureFindings.of(v);
  }

  @Override
  public DkimVerifyView view(Query q, Verification v) {
    return new DkimVerifyView(signatureViews(v), v.lineEndingsConverted());
  }

  /** Each signature's verdict for display (also part of the {@code message} view). */
  public static List<DkimVerifyView.SignatureView> signatureViews(Verification v) {
    List<DkimVerifyView.SignatureView> views = new ArrayList<>();
    for (SignatureResult r : v.signatures()) {
      DkimSignature s = r.signature();
      views.add(
          new DkimVerifyView.SignatureView(
              s.domain(),
              s.selector(),
              s.algorithmToken(),
              s.canonicalization(),
              r.result().token(),
              r.reason(),
              s.identity(),
              s.bodyLength()
                  .map(l -> l.bitLength() < 63 ? l.longValue() : Long.MAX_VALUE)
                  .orElse(null),
              r.key().filter(k -> k.keyBits() > 0).map(DkimKey::keyBits).orElse(null),
              s.signedHeaders(),
              r.warnings()));
    }
    return views;
  }
}
