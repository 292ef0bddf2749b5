package org.tuopin.server;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * Basic authentication (a user name and password, checked against the Argon2id hash) on the Flight
 * handshake or any first call, answered with a bearer token that lasts {@code lifetime}; later
 * calls carry the token. An expired or unknown token, or a user removed since, is refused.
 */
final class TokenAuthenticator implements CallHeaderAuthenticator {
  private static final String AUTHORIZATION = "Authorization";
  private static final String BASIC = "Basic ";
  private static final String BEARER = "Bearer ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Session(String user, Instant expires) {}

  private final Users users;
  private final Duration lifetime;
  private final Clock clock;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  TokenAuthenticator(Users users, Duration lifetime, Clock clock) {
    this.users = users;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  public AuthResult authenticate(CallHeaders headers) {
    String authorization = headers.get(AUTHORIZATION);
    if (authorization != null && authorization.startsWith(BEARER)) {
      return bearer(authorization.substring(BEARER.length()));
    }
    if (authorization != null && authorization.startsWith(BASIC)) {
      return basic(authorization.substring(BASIC.length()));
    }
    throw CallStatus.UNAUTHENTICATED
        .withDescription("sign in with a Tuopin user name and password")
        .toRuntimeException();
  }

  private AuthResult basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthenticated("the Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    String name = colon < 0 ? decoded : decoded.substring(0, colon);
    char[] password = colon < 0 ? new char[0] : decoded.substring(colon + 1).toCharArray();
    if (users.authenticate(name, password).isEmpty()) {
      throw unauthenticated("wrong user name or password");
    }
    sessions.values().removeIf(s -> s.expires().isBefore(clock.instant()));
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    sessions.put(token, new Session(name, clock.instant().plus(lifetime)));
    return new AuthResult() {
      @Override
      public String getPeerIdentity() {
        return name;
      }

      @Override
      public void appendToOutgoingHeaders(CallHeaders outgoing) {
        outgoing.insert(AUTHORIZATION, BEARER + token);
      }
    };
  }

  private AuthResult bearer(String token) {
    Session session = sessions.get(token);
    if (session == null) {
      throw unauthenticated("unknown token: sign in again");
    }
    if (!session.expires().isAfter(clock.instant())) {
      sessions.remove(token);
      throw unauthenticated("the token has expired: sign in again");
    }
    if (users.find(session.user()).isEmpty()) {
      sessions.remove(token);
      throw unauthenticated("the user no longer exists");
    }
    return session::user;
  }

  private static RuntimeException unauthenticated(String reason) {
    return CallStatus.UNAUTHENTICATED.withDescription(reason).toRuntimeException();
  }
}
