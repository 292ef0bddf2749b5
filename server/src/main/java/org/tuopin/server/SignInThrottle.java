package org.tuopin.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins slow down, per user name and per address: after {@code allowed} failures in a
 * row, each further one locks that name (or address) out for a delay that doubles, from one second
 * up to {@code maxDelay}. A sign-in while locked out is refused before any password is hashed. A
 * success clears its name and address. Entries whose lock-out ended {@code maxDelay} ago are
 * forgotten, so the table stays small whatever is thrown at it.
 */
final class SignInThrottle {
  private record Failures(int count, Instant lockedUntil, Instant last) {}

  private final int allowed;
  private final Duration maxDelay;
  private final Clock clock;
  private final Map<String, Failures> failures = new HashMap<>();

  SignInThrottle(int allowed, Duration maxDelay, Clock clock) {
    this.allowed = allowed;
    this.maxDelay = maxDelay;
    this.clock = clock;
  }

  /** How long the caller must still wait, if any of its keys is locked out. */
  synchronized Optional<Duration> lockedOut(List<String> keys) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : keys) {
      Failures f = failures.get(key);
      if (f != null && f.lockedUntil().isAfter(now)) {
        Duration left = Duration.between(now, f.lockedUntil());
        longest = left.compareTo(longest) > 0 ? left : longest;
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  synchronized void failed(List<String> keys) {
    Instant now = clock.instant();
    forgetOld(now);
    for (String key : keys) {
      Failures before = failures.get(key);
      int count = before == null ? 1 : before.count() + 1;
      Instant lockedUntil = count > allowed ? now.plus(delay(count - allowed)) : now;
      failures.put(key, new Failures(count, lockedUntil, now));
    }
  }

  synchronized void succeeded(List<String> keys) {
    keys.forEach(failures::remove);
  }

  /** The lock-out after the n-th failure beyond those allowed: 1 s, 2 s, 4 s... up to maxDelay. */
  private Duration delay(int beyond) {
    Duration delay = Duration.ofSeconds(1L << Math.min(beyond - 1, 30));
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private void forgetOld(Instant now) {
    Instant forget = now.minus(maxDelay);
    failures.values().removeIf(f -> f.lockedUntil().isBefore(forget) && f.last().isBefore(forget));
  }
}
