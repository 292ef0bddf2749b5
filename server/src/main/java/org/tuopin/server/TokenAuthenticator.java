package org.tuopin.server;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * Basic authentication (a user name and password, checked against the Argon2id hash) on the Flight
 * handshake or any first call, answered with a bearer token that lasts {@code lifetime}; later
 * calls carry the token.
 *
 * <ul>
 *   <li>A token is bound to the user record it was issued for: once the user is removed, added
 *       again or given another password (any change of the record), it is refused.
 *   <li>An expired token is told so (until a day after it expired, when it is forgotten).
 *   <li>Failed sign-ins slow down per user name and per address ({@link SignInThrottle}); a locked
 *       out sign-in is refused before its password is hashed.
 *   <li>At most {@code hashesAtOnce} passwords are hashed at once (each takes 19 MiB): a flood of
 *       sign-ins waits for a turn, briefly, or is refused as busy; it cannot exhaust memory.
 * </ul>
 *
 * The peer identity a call gets is its session's id; {@link #userOf} turns it back into the user
 * record the session is bound to.
 */
final class TokenAuthenticator implements CallHeaderAuthenticator {
  private static final String AUTHORIZATION = "Authorization";
  private static final String BASIC = "Basic ";
  private static final String BEARER = "Bearer ";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration REMEMBER_EXPIRED = Duration.ofDays(1);
  private static final long HASH_WAIT_SECONDS = 5;

  private record Session(String id, Users.User user, Instant expires) {}

  private final Users users;
  private final Duration lifetime;
  private final Clock clock;
  private final SignInThrottle throttle;
  private final Semaphore hashing;
  private final Map<String, Session> byToken = new ConcurrentHashMap<>();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  TokenAuthenticator(Users users, ServerSettings settings, Clock clock) {
    this.users = users;
    this.lifetime = settings.tokenLifetime();
    this.clock = clock;
    this.throttle =
        new SignInThrottle(
            settings.signInFailuresAllowed(),
            Duration.ofSeconds(settings.signInMaxDelaySeconds()),
            clock);
    this.hashing = new Semaphore(settings.signInsAtOnce(), true);
  }

  @Override
  public AuthResult authenticate(CallHeaders headers) {
    String authorization = headers.get(AUTHORIZATION);
    if (authorization != null && authorization.startsWith(BEARER)) {
      return bearer(authorization.substring(BEARER.length()));
    }
    if (authorization != null && authorization.startsWith(BASIC)) {
      return basic(authorization.substring(BASIC.length()), RemoteAddress.current());
    }
    throw unauthenticated("sign in with a Tuopin user name and password");
  }

  /** The user record the session is bound to, as long as the users file still has it unchanged. */
  Users.User userOf(String sessionId) {
    Session session = byId.get(sessionId);
    if (session == null) {
      throw unauthenticated("unknown session: sign in again");
    }
    return current(session);
  }

  private AuthResult basic(String encoded, String address) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthenticated("the Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    String name = colon < 0 ? decoded : decoded.substring(0, colon);
    char[] password = colon < 0 ? new char[0] : decoded.substring(colon + 1).toCharArray();
    List<String> keys = List.of("user:" + name, "address:" + address);
    refuseIfLockedOut(keys);
    Optional<Users.User> user = verify(name, password, keys);
    if (user.isEmpty()) {
      throw unauthenticated("wrong user name or password");
    }
    return issue(user.get());
  }

  private void refuseIfLockedOut(List<String> keys) {
    Optional<Duration> wait = throttle.lockedOut(keys);
    if (wait.isPresent()) {
      throw CallStatus.UNAUTHENTICATED
          .withDescription(
              "too many failed sign-ins for this user or from this address: try again in "
                  + Math.max(1, wait.get().toSeconds())
                  + " s")
          .toRuntimeException();
    }
  }

  /**
   * Checks the password, one of {@code hashesAtOnce}: the lock-out is looked at again first, and
   * the outcome recorded before the next may start, so sign-ins that waited for their turn see the
   * failures of those before them.
   */
  private Optional<Users.User> verify(String name, char[] password, List<String> keys) {
    try {
      if (!hashing.tryAcquire(HASH_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw CallStatus.UNAVAILABLE
            .withDescription("the server is busy signing others in: try again")
            .toRuntimeException();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CallStatus.UNAVAILABLE.withDescription("interrupted").toRuntimeException();
    }
    try {
      // failures recorded while this one waited for its turn count now
      refuseIfLockedOut(keys);
      Optional<Users.User> user = users.authenticate(name, password);
      if (user.isPresent()) {
        throttle.succeeded(keys);
      } else {
        throttle.failed(keys);
      }
      return user;
    } finally {
      hashing.release();
    }
  }

  private AuthResult issue(Users.User user) {
    Instant now = clock.instant();
    byToken.values().removeIf(s -> s.expires().plus(REMEMBER_EXPIRED).isBefore(now));
    byId.values().removeIf(s -> s.expires().plus(REMEMBER_EXPIRED).isBefore(now));
    String token = random();
    Session session = new Session(random(), user, now.plus(lifetime));
    byToken.put(token, session);
    byId.put(session.id(), session);
    return new AuthResult() {
      @Override
      public String getPeerIdentity() {
        return session.id();
      }

      @Override
      public void appendToOutgoingHeaders(CallHeaders outgoing) {
        outgoing.insert(AUTHORIZATION, BEARER + token);
      }
    };
  }

  private AuthResult bearer(String token) {
    Session session = byToken.get(token);
    if (session == null) {
      throw unauthenticated("unknown token: sign in again");
    }
    current(session);
    return session::id;
  }

  /** The session's user, if the session has not expired and the user's record is unchanged. */
  private Users.User current(Session session) {
    if (!session.expires().isAfter(clock.instant())) {
      throw unauthenticated("the token has expired: sign in again");
    }
    Optional<Users.User> now = users.find(session.user().name());
    if (now.isEmpty() || !now.get().equals(session.user())) {
      throw unauthenticated(
          "the user was removed or changed since this token was issued: sign in again");
    }
    return session.user();
  }

  private static String random() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static RuntimeException unauthenticated(String reason) {
    return CallStatus.UNAUTHENTICATED.withDescription(reason).toRuntimeException();
  }
}
