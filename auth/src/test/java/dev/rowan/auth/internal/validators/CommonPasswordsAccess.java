package dev.rowan.auth.internal.validators;

/** Lets the validator tests read the list's size. */
public final class CommonPasswordsAccess {
    private CommonPasswordsAccess() {
    }

    public static int size() {
        return CommonPasswords.size();
    }
}
