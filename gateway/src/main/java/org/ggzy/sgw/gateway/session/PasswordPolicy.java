package org.ggzy.sgw.gateway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password policy of GB/T 22239 level 3 (see {@link PasswordProperties}): a minimum length, at least some of
 * the four character classes, not containing the user name, not the password it replaces. Applies to every
 * password set through the API; the bootstrap passwords of the three administrators come from the operator's
 * environment and are not checked.
 */
@Component
public class PasswordPolicy {

    private final PasswordProperties properties;
    private final PasswordEncoder encoder;

    public PasswordPolicy(PasswordProperties properties, PasswordEncoder encoder) {
        this.properties = properties;
        this.encoder = encoder;
    }

    /**
     * Every rule the password breaks, each as {@code "password: ..."}; empty when it complies. Compares with the
     * current hash (slow on purpose): call it off the event loop.
     *
     * @param currentHash the hash of the password it would replace, or {@code null} for a new account
     */
    public List<String> violations(String username, String password, String currentHash) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("password: required");
            return problems;
        }
        if (password.length() < properties.minLength()) {
            problems.add("password: at least " + properties.minLength() + " characters");
        }
        if (classes(password) < properties.minClasses()) {
            problems.add("password: at least " + properties.minClasses()
                    + " of upper case, lower case, digits and other characters");
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("password: must not contain the user name");
        }
        if (currentHash != null && !currentHash.isEmpty() && encoder.matches(password, currentHash)) {
            problems.add("password: must differ from the current password");
        }
        return problems;
    }

    /** Whether the password is the one of the hash (slow on purpose: off the event loop). */
    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** The hash to store for a password (slow on purpose: off the event loop). */
    public String encode(String password) {
        return encoder.encode(password);
    }

    static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
