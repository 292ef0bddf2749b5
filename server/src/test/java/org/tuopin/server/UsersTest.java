package org.tuopin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file: Argon2id hashes, never a password; owner-only; names and scopes checked. */
class UsersTest {
  @Test
  void aUserIsStoredWithAnArgon2idHashAndSignsInWithItsPasswordOnly(@TempDir Path restricted)
      throws Exception {
    Users users = new Users(restricted);
    users.add("wang.fang", "510824", Role.AUDITOR, "s3cret-enough".toCharArray());
    String file = Files.readString(restricted.resolve("users.json"));
    assertFalse(file.contains("s3cret-enough"), file);
    assertTrue(file.contains("\"passwordHash\" : \"$argon2id$v=19$m=19456,t=2,p=1$"), file);
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(restricted.resolve("users.json"))));
    assertTrue(users.authenticate("wang.fang", "s3cret-enough".toCharArray()).isPresent());
    assertTrue(users.authenticate("wang.fang", "s3cret-enougH".toCharArray()).isEmpty());
    assertTrue(users.authenticate("nobody", "s3cret-enough".toCharArray()).isEmpty());
    assertEquals(
        List.of(
            new Users.User(
                "wang.fang", "510824", Role.AUDITOR, users.list().get(0).passwordHash())),
        users.list());
    assertTrue(users.remove("wang.fang"));
    assertFalse(users.remove("wang.fang"));
    assertEquals(List.of(), users.list());
  }

  @Test
  void badNamesScopesPasswordsAndDuplicatesAreRefused(@TempDir Path restricted) {
    Users users = new Users(restricted);
    char[] password = "long enough".toCharArray();
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> users.add("王芳", "510824", Role.ANALYST, password))
            .getMessage()
            .contains("letters, digits"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> users.add("wang", "5108", Role.ANALYST, password))
            .getMessage()
            .contains("six digits"));
    assertThrows(
        IllegalArgumentException.class,
        () -> users.add("wang", "510824", Role.ANALYST, "short".toCharArray()));
    users.add("wang", "510824", Role.ANALYST, password);
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> users.add("wang", "000000", Role.AUDITOR, password))
            .getMessage()
            .contains("exists"));
  }
}
