import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Payara domain's admin password, run by the build (java AdminPassword.java PASSWORD_FILE [ADMIN_KEYFILE]).
 *
 * <p>Reads the password from PASSWORD_FILE, or generates a random one there on first use (readable by the user
 * only), and writes the domain's {@code admin-keyfile} so that user {@code admin} needs exactly that password.
 * Writing the keyfile needs no running server: {@code asadmin change-admin-password} would talk to whatever
 * server answers on port 4848, not necessarily this domain's.
 */
public final class AdminPassword {

    private static final int GENERATED_BYTES = 18; // 24 characters of URL-safe Base64, 144 random bits
    private static final int MIN_LENGTH = 20;

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: AdminPassword PASSWORD_FILE [ADMIN_KEYFILE]");
        }
        Path passwordFile = Path.of(args[0]);
        String password = Files.exists(passwordFile) ? Files.readString(passwordFile, StandardCharsets.UTF_8).strip()
                : generate(passwordFile);
        if (password.length() < MIN_LENGTH) {
            throw new IllegalStateException(passwordFile + " holds a password shorter than " + MIN_LENGTH
                    + " characters: delete the file to have a new one generated");
        }
        if (args.length == 2) {
            byte[] salt = new byte[8];
            new SecureRandom().nextBytes(salt);
            Files.writeString(Path.of(args[1]), "admin;" + ssha256(password, salt) + ";asadmin\n", StandardCharsets.UTF_8);
        }
    }

    private static String generate(Path passwordFile) throws IOException {
        byte[] random = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path dir = passwordFile.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        // created with mode 600 from the start: never readable by others, not even for a moment
        if (posix) {
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(passwordFile);
        }
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        return password;
    }

    /** GlassFish's salted SHA-256 as stored in admin-keyfile: SHA-256 over password+salt, hashed 100 times in all. */
    static String ssha256(String password, byte[] salt) throws GeneralSecurityException {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[pw.length + salt.length];
        System.arraycopy(pw, 0, input, 0, pw.length);
        System.arraycopy(salt, 0, input, pw.length, salt.length);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] hash = sha.digest(input);
        for (int i = 2; i <= 100; i++) {
            hash = sha.digest(hash);
        }
        byte[] hashAndSalt = new byte[hash.length + salt.length];
        System.arraycopy(hash, 0, hashAndSalt, 0, hash.length);
        System.arraycopy(salt, 0, hashAndSalt, hash.length, salt.length);
        return "{SSHA256}" + Base64.getEncoder().encodeToString(hashAndSalt);
    }
}
