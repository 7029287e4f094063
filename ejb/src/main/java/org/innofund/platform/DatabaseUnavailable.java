package org.innofund.platform;

/**
 * Why the database could not be opened at start-up, the newest backup (null if there is none) and how to restore it:
 * said in the log and on every page while the product refuses to run.
 */
public record DatabaseUnavailable(String cause, String newestBackup, String backupFolder) {

    /** The one command of the README's "Backup and restore" that restores a backup into a fresh database. */
    public String restoreCommand() {
        return "bench/restore-backup.sh " + (newestBackup == null ? backupFolder + "/<backup>.zip" : newestBackup);
    }

    public String logText() {
        return "\n================ THE DATABASE CANNOT BE OPENED: InnoFund does not start writing ================\n"
                + "  Cause:         " + cause + "\n"
                + "  Newest backup: " + (newestBackup == null ? "none in " + backupFolder : newestBackup) + "\n"
                + "  Restore it into a fresh database (stop the server first; the damaged database is moved aside):\n"
                + "      " + restoreCommand() + "\n"
                + "  then start again. See README.md, \"Backup and restore\".\n"
                + "===============================================================================================";
    }
}
