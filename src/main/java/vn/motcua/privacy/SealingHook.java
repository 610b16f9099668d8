package vn.motcua.privacy;

/**
 * For a module that keeps, beside an encrypted column, something derived from its plain value in another table (the
 * dossier's blind indexes of a form's subject): the background job that encrypts values stored before encryption
 * existed ({@code privacy.internal.Rotation}) calls it for each such value of {@link #column()}, in the transaction
 * that encrypts it, so the derived data is written exactly once per old value. Values written encrypted never come
 * here: their writer derives what it needs itself.
 */
public interface SealingHook {

    /** The column, as {@code "table.column"}. */
    String column();

    /**
     * @param key   the row's key (the value of the column the job names its rows by)
     * @param plain the value as it was stored (before encryption)
     */
    void sealingPlain(Object key, byte[] plain);
}
