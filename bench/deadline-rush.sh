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
OUT="$REPO/bench/target/deadline-rush"
DB_DIR="$REPO/bench/target/db"
# shellcheck source=lib/server.sh
. "$REPO/bench/lib/server.sh"
bench_take_lock "$@"
# HTTP_THREADS=n overrides the domain's HTTP worker threads (pom.xml: payara.http.max-threads), to measure another size.
bench_start_server ${HTTP_THREADS:+-Dpayara.http.max-threads=$HTTP_THREADS}

echo "== running the load client"
set +e
java -Xms1g -Xmx3g -cp "$(bench_classpath)" \
    org.innofund.bench.DeadlineRush --base="$URL" --out="$OUT" --server-config="$SERVER_CONFIG" \
    --server-pid="$PAYARA_PID" "$@"
client_status=$?
set -e

bench_log_summary
echo "== results in bench/target/deadline-rush/ (summary.txt, result.json, per-enterprise.csv, server.log)"
exit "$client_status"
