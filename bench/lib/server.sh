# Shared by the benchmark scripts (source it): the server lock, starting the product with `mvn -Prun verify` on a
# database of the benchmark's own, and stopping it again whatever happens.
#
# A script sets REPO, OUT (results) and DB_DIR (a fresh H2 database), then calls, in this order:
#   bench_take_lock "$@"      re-runs the script under /tmp/innofund-server.lock unless it (or a parent) holds it
#   bench_start_server        checks ports 8080/4848, builds bench/, starts the product, waits until it answers
#   ... the load client, with $PAYARA_PID and $SERVER_CONFIG ...
#   bench_log_summary         SEVERE/WARNING entries of server.log, into $OUT/server-log-summary.txt
# The EXIT trap set by bench_start_server stops Payara and Maven and copies server.log into $OUT.

LOCK=/tmp/innofund-server.lock
URL=http://127.0.0.1:8080/innofund/
PAYARA_DOMAIN="$REPO/ear/target/payara/payara6/glassfish/domains/domain1"
START_TIMEOUT=${START_TIMEOUT:-600}
MVN_PID=""

# Is the lock held by this process or one of its ancestors (e.g. `flock $LOCK bench/deadline-rush.sh`)?
bench_lock_held_by_us() {
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

bench_take_lock() {
    if ! bench_lock_held_by_us; then
        if ! flock -n "$LOCK" true; then
            echo "Waiting for $LOCK (another Payara Server run holds it)..." >&2
        fi
        exec flock "$LOCK" "$0" "$@"
    fi
}

bench_stop_server() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$MVN_PID" ]; then
        echo "== stopping the server"
        local payara_pid=""
        [ -f "$PAYARA_DOMAIN/config/pid" ] && payara_pid=$(cat "$PAYARA_DOMAIN/config/pid")
        # The Payara JVM first (its shutdown hook closes the domain and the database), then the Maven process group
        # that started it (setsid below: the group is exactly the processes this script started).
        if [ -n "$payara_pid" ] && kill -0 "$payara_pid" 2>/dev/null; then
            kill -TERM "$payara_pid" 2>/dev/null || true
            for _ in $(seq 60); do kill -0 "$payara_pid" 2>/dev/null || break; sleep 1; done
            kill -KILL "$payara_pid" 2>/dev/null || true
        fi
        kill -TERM -- "-$MVN_PID" 2>/dev/null || true
        for _ in $(seq 30); do kill -0 "$MVN_PID" 2>/dev/null || break; sleep 1; done
        kill -KILL -- "-$MVN_PID" 2>/dev/null || true
        wait "$MVN_PID" 2>/dev/null || true
        [ -f "$PAYARA_DOMAIN/logs/server.log" ] && cp "$PAYARA_DOMAIN/logs/server.log" "$OUT/server.log"
    fi
    exit "$status"
}

# Starts the product on a fresh database under $DB_DIR; sets PAYARA_PID and SERVER_CONFIG. Extra arguments go to Maven.
bench_start_server() {
    local port
    for port in 8080 4848; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "Port $port is in use: stop the server that holds it first." >&2
            exit 2
        fi
    done
    rm -rf "$DB_DIR" "$OUT"
    mkdir -p "$DB_DIR" "$OUT"

    echo "== building the load client (bench/)"
    (cd "$REPO" && mvn -q -B -f bench/pom.xml package)

    trap bench_stop_server EXIT
    trap 'exit 130' INT TERM
    echo "== building and starting the product: mvn -Prun verify (log: ${OUT#"$REPO"/}/server-console.log)"
    cd "$REPO"
    # DB=server (default): as the run command runs it, an H2 server process of its own with durable commits
    # (WRITE_DELAY=0), here on port 9096 with its folder under $DB_DIR. DB=embedded-delayed: the earlier set-up, H2
    # inside Payara writing commits about once a second, kept to measure what durability costs (BENCHMARKS.md);
    # DB=embedded-durable: inside Payara with WRITE_DELAY=0, to tell the cost of durable commits from that of the process.
    local db_args=()
    case "${DB:=server}" in
        server) db_args=(-Dinnofund.db.port=9096 -Dinnofund.db.dir="$DB_DIR" -Dinnofund.db.password-file="$DB_DIR.password")
                rm -f "$DB_DIR.password"
                unset INNOFUND_DB_URL INNOFUND_DB_PASSWORD
                export INNOFUND_BACKUP_DIR="$DB_DIR.backups" ;;
        embedded-delayed|embedded-durable)
                export INNOFUND_DB_URL="jdbc:h2:file:$DB_DIR/innofund;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                [ "$DB" = embedded-durable ] && INNOFUND_DB_URL="$INNOFUND_DB_URL;WRITE_DELAY=0"
                export INNOFUND_DB_PASSWORD=bench-only ;;
        *) echo "DB=server, DB=embedded-delayed or DB=embedded-durable" >&2; exit 2 ;;
    esac
    # DB_URL_OPTIONS: more H2 URL settings for the embedded database (evaluation-batch.sh: AUTO_SERVER=TRUE)
    [ -n "${DB_URL_OPTIONS:-}" ] && [ -n "${INNOFUND_DB_URL:-}" ] && INNOFUND_DB_URL="$INNOFUND_DB_URL;$DB_URL_OPTIONS"
    rm -rf "$DB_DIR.backups"
    setsid mvn -B -Prun verify "${db_args[@]}" "$@" >"$OUT/server-console.log" 2>&1 </dev/null &
    MVN_PID=$!

    local started
    started=$(date +%s)
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL" || true)" = "200" ]; do
        if ! kill -0 "$MVN_PID" 2>/dev/null; then
            echo "The build or the server stopped before the product answered; the end of its log:" >&2
            tail -40 "$OUT/server-console.log" >&2
            exit 3
        fi
        if [ $(( $(date +%s) - started )) -gt "$START_TIMEOUT" ]; then
            echo "The product did not answer $URL within ${START_TIMEOUT}s; the end of its log:" >&2
            tail -40 "$OUT/server-console.log" >&2
            exit 3
        fi
        sleep 3
    done
    echo "== the product answers after $(( $(date +%s) - started ))s"

    # What the server ran with, for the record: the HTTP worker pool, the heap, the JDBC pool.
    local domain_xml="$PAYARA_DOMAIN/config/domain.xml" http_pool_max heap jdbc_max
    http_pool_max=$(grep -o '<thread-pool name="http-thread-pool"[^>]*>' "$domain_xml" | head -1 \
        | grep -o 'max-thread-pool-size="[0-9]*"' | grep -o '[0-9]*' || echo "5 (Payara's default)")
    heap=$(grep -o '<jvm-options>-Xmx[^<]*</jvm-options>' "$domain_xml" | head -1 | sed 's/<[^>]*>//g')
    jdbc_max=$(grep -o 'maxPoolSize = [0-9]*' "$REPO/ejb/src/main/java/org/innofund/platform/DatabaseMigrator.java" | grep -o '[0-9]*$')
    SERVER_CONFIG="Payara $(grep -o '<payara.version>[^<]*' pom.xml | cut -d'>' -f2), http-thread-pool max $http_pool_max, heap $heap, JDBC pool max $jdbc_max, H2 database: $DB, $(nproc) cores"
    PAYARA_PID=$(cat "$PAYARA_DOMAIN/config/pid" 2>/dev/null || echo 0)
}

# The load client's class path (bench/ built by bench_start_server).
bench_classpath() {
    echo "$REPO/bench/target/classes:$(cat "$REPO/bench/target/classpath.txt")"
}

bench_log_summary() {
    local log="$PAYARA_DOMAIN/logs/server.log"
    if [ -f "$log" ]; then
        {
            echo "server.log: $(grep -c '\[SEVERE\]' "$log" || true) SEVERE, $(grep -c '\[WARNING\]' "$log" || true) WARNING entries"
            # the first line of each distinct SEVERE/WARNING message, with how often it occurs
            awk '/^\[[0-9][0-9][0-9][0-9]-/ { level = ""; if ($0 ~ /\[SEVERE\]/) level = "SEVERE"; else if ($0 ~ /\[WARNING\]/) level = "WARNING"; grab = (level != "") ; next }
                 grab && NF { sub(/^[ \t]+/, ""); print level ": " substr($0, 1, 160); grab = 0 }' "$log" | sort | uniq -c | sort -rn | head -25
        } | tee "$OUT/server-log-summary.txt"
    fi
}
