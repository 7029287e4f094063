# Sourced by the bench scripts: re-executes the calling script under /tmp/innofund-server.lock (flock) unless this
# process or one of its ancestors already holds it. Only one Payara Server can run on a machine at a time.
LOCK=/tmp/innofund-server.lock

# Is the lock held by this process or one of its ancestors (e.g. `flock $LOCK bench/deadline-rush.sh`)?
lock_held_by_us() {
    [ -e "$LOCK" ] || return 1
    local inode holders p q
    inode=$(stat -c %i "$LOCK")
    holders=$(awk -v ino="$inode" '$2 == "FLOCK" { n = split($6, a, ":"); if (a[n] == ino) print $5 }' /proc/locks)
    p=$$
    while [ -n "$p" ] && [ "$p" -gt 1 ]; do
        for q in $holders; do [ "$q" = "$p" ] && return 0; done
        p=$(awk '{ print $4 }' "/proc/$p/stat" 2>/dev/null || true)
    done
    return 1
}
if ! lock_held_by_us; then
    if ! flock -n "$LOCK" true; then
        echo "Waiting for $LOCK (another Payara Server run holds it)..." >&2
    fi
    exec flock "$LOCK" "$0" "$@"
fi
