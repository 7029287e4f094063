package org.innofund.identity.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/** PBKDF2WithHmacSHA256, 210,000 iterations, 32-byte salt and key (OWASP 2023), through Jakarta Security. */
@ApplicationScoped
public class PasswordHasher {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    /** Verified against when the user does not exist, so that a wrong name costs as long as a wrong password. */
    private String decoy;

    @PostConstruct
    void init() {
        pbkdf2.initialize(PARAMETERS);
        decoy = pbkdf2.generate("decoy-password-never-used".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return pbkdf2.verify(password.toCharArray(), storedHash == null ? decoy : storedHash);
    }
}
