package org.tuopin.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's users, in {@code data/restricted/users.json} (owner-only, like everything under
 * restricted/): name, scope, role and an Argon2id hash of the password, never the password.
 */
public final class Users {
  /** One user: who, which region code and what is under it, and what role. */
  public record User(String name, String scope, Role role, String passwordHash) {}

  /** The whole country: every region. */
  public static final String NATIONAL = "000000";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
  private static final Pattern SCOPE = Pattern.compile("\\d{6}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private List<User> read = List.of();
  private List<Object> readVersion = List.of();

  public Users(Path restricted) {
    this.file = restricted.resolve("users.json");
  }

  /**
   * The users as the file has them now. The server asks on every call (a removed user stops at
   * once), so the file is parsed again only when its modification time or size changed.
   */
  public synchronized List<User> list() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<Object> version = List.of(Files.getLastModifiedTime(file), Files.size(file));
      if (!version.equals(readVersion)) {
        read = List.copyOf(JSON.readValue(file.toFile(), new TypeReference<List<User>>() {}));
        readVersion = version;
      }
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public Optional<User> find(String name) {
    return list().stream().filter(u -> u.name().equals(name)).findFirst();
  }

  /** Adds a user; the name must be new, the scope a region code of six digits. */
  public void add(String name, String scope, Role role, char[] password) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A user name is 1-64 letters, digits or . _ @ -: '" + name + "' is not");
    }
    if (!SCOPE.matcher(scope).matches()) {
      throw new IllegalArgumentException(
          "--scope is a region code of six digits (a province, city or county; "
              + NATIONAL
              + " for everything): '"
              + scope
              + "' is not");
    }
    if (password.length < 8) {
      throw new IllegalArgumentException("A password has at least 8 characters");
    }
    List<User> users = new ArrayList<>(list());
    if (users.stream().anyMatch(u -> u.name().equals(name))) {
      throw new IllegalArgumentException(
          "User " + name + " exists: remove it first to change its scope, role or password");
    }
    users.add(new User(name, scope, role, Passwords.hash(password)));
    write(users);
  }

  /** Removes a user; false when there was none of that name. */
  public boolean remove(String name) {
    List<User> users = new ArrayList<>(list());
    boolean removed = users.removeIf(u -> u.name().equals(name));
    if (removed) {
      write(users);
    }
    return removed;
  }

  /**
   * The user whose password this is, if any. An unknown name is checked against a hash all the
   * same, so that the time taken does not tell which names exist.
   */
  Optional<User> authenticate(String name, char[] password) {
    Optional<User> user = find(name);
    boolean matches =
        Passwords.verify(password, user.map(User::passwordHash).orElseGet(Users::unknownUserHash));
    return matches ? user : Optional.empty();
  }

  private static String unknownUserHash() {
    return UnknownUser.HASH;
  }

  /** Computed once, when first needed. */
  private static final class UnknownUser {
    static final String HASH = Passwords.hash("no such user".toCharArray());
  }

  private void write(List<User> users) {
    users.sort(Comparator.comparing(User::name));
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "users", ".json.tmp");
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), users);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
