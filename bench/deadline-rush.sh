#!/usr/bin/env bash
# The deadline-rush benchmark (see BENCHMARKS.md): builds the product, starts it with `mvn -Prun verify` on a fresh
# H2 database of its own under bench/target/db, waits until it answers, runs the load client (bench/, 200 enterprises
# uploading a 2 MB report and submitting at once, then verifies nothing was lost or duplicated), and stops the server
# whatever happens. Results: bench/target/deadline-rush/ (summary.txt, result.json, per-enterprise.csv, server.log).
#
# Usage: bench/deadline-rush.sh [--enterprises=200] [--report-bytes=2097152] [--client-mbit=0] [--setup-threads=4]
#                               [--timeout-seconds=300]
# --client-mbit=N paces each enterprise's upload to N Mbit/s, as over its own office line (0: loopback speed).
# HTTP_THREADS=n in the environment runs the server with n HTTP worker threads instead of the build's setting.
# Only one Payara Server can run on a machine at a time: the script holds /tmp/innofund-server.lock (flock) for its
# whole run, like every other command that starts one; wrapping it in `flock /tmp/innofund-server.lock` also works.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Only one Payara Server at a time on this machine: hold the lock (re-executes this script under it).
. "$REPO/bench/server-lock.sh"

OUT="$REPO/bench/target/deadline-rush"
DB_DIR="$REPO/bench/target/db"
PAYARA_DOMAIN="$REPO/ear/target/payara/payara6/glassfish/domains/domain1"
URL=http://localhost:8080/innofund/
START_TIMEOUT=${START_TIMEOUT:-600}

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

MVN_PID=""
stop_server() {
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
trap stop_server EXIT
trap 'exit 130' INT TERM

echo "== building and starting the product: mvn -Prun verify (log: bench/target/deadline-rush/server-console.log)"
cd "$REPO"
# DB=server (default): as the run command runs it, an H2 server of its own with durable commits (WRITE_DELAY=0), here
# on port 9096 with its folder under bench/target. DB=embedded-delayed: the earlier set-up, H2 inside Payara writing
# commits about once a second, kept to measure what durability costs (BENCHMARKS.md); DB=embedded-durable: inside
# Payara with WRITE_DELAY=0, to tell the cost of durable commits from the cost of the separate process.
DB=${DB:-server}
case "$DB" in
    server) DB_ARGS=(-Dinnofund.db.port=9096 -Dinnofund.db.dir="$DB_DIR" -Dinnofund.db.password-file="$DB_DIR/../db-password")
            rm -f "$DB_DIR/../db-password"
            export INNOFUND_BACKUP_DIR="$REPO/bench/target/backups" ;;
    embedded-delayed|embedded-durable) DB_ARGS=()
            export INNOFUND_DB_URL="jdbc:h2:file:$DB_DIR/innofund;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
            [ "$DB" = embedded-durable ] && INNOFUND_DB_URL="$INNOFUND_DB_URL;WRITE_DELAY=0"
            export INNOFUND_DB_PASSWORD=bench-only ;;
    *) echo "DB=server, DB=embedded-delayed or DB=embedded-durable" >&2; exit 2 ;;
esac
# HTTP_THREADS=n overrides the domain's HTTP worker threads (pom.xml: payara.http.max-threads), to measure another size.
setsid mvn -B -Prun verify ${HTTP_THREADS:+-Dpayara.http.max-threads=$HTTP_THREADS} "${DB_ARGS[@]}" \
    >"$OUT/server-console.log" 2>&1 </dev/null &
MVN_PID=$!

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
domain_xml="$PAYARA_DOMAIN/config/domain.xml"
http_pool_max=$(grep -o '<thread-pool name="http-thread-pool"[^>]*>' "$domain_xml" | head -1 \
    | grep -o 'max-thread-pool-size="[0-9]*"' | grep -o '[0-9]*' || echo "5 (Payara's default)")
heap=$(grep -o '<jvm-options>-Xmx[^<]*</jvm-options>' "$domain_xml" | head -1 | sed 's/<[^>]*>//g')
jdbc_max=$(grep -o 'maxPoolSize = [0-9]*' "$REPO/ejb/src/main/java/org/innofund/platform/DatabaseMigrator.java" | grep -o '[0-9]*$')
server_config="Payara $(grep -o '<payara.version>[^<]*' pom.xml | cut -d'>' -f2), http-thread-pool max $http_pool_max, heap $heap, JDBC pool max $jdbc_max, H2 database: $DB, $(nproc) cores"

payara_pid=$(cat "$PAYARA_DOMAIN/config/pid" 2>/dev/null || echo 0)

echo "== running the load client"
set +e
java -Xms1g -Xmx3g -cp "$REPO/bench/target/classes:$(cat "$REPO/bench/target/classpath.txt")" \
    org.innofund.bench.DeadlineRush --base="$URL" --out="$OUT" --server-config="$server_config" \
    --server-pid="$payara_pid" "$@"
client_status=$?
set -e

log="$PAYARA_DOMAIN/logs/server.log"
if [ -f "$log" ]; then
    {
        echo "server.log: $(grep -c '\[SEVERE\]' "$log" || true) SEVERE, $(grep -c '\[WARNING\]' "$log" || true) WARNING entries"
        # the first line of each distinct SEVERE/WARNING message, with how often it occurs
        awk '/^\[[0-9][0-9][0-9][0-9]-/ { level = ""; if ($0 ~ /\[SEVERE\]/) level = "SEVERE"; else if ($0 ~ /\[WARNING\]/) level = "WARNING"; grab = (level != "") ; next }
             grab && NF { sub(/^[ \t]+/, ""); print level ": " substr($0, 1, 160); grab = 0 }' "$log" | sort | uniq -c | sort -rn | head -25
    } | tee "$OUT/server-log-summary.txt"
fi
echo "== results in bench/target/deadline-rush/ (summary.txt, result.json, per-enterprise.csv, server.log)"
exit "$client_status"
