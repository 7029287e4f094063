#!/usr/bin/env bash
# The crawler benchmark (see BENCHMARKS.md): builds the product, starts it with `mvn -Prun verify` on a fresh H2
# database of its own under bench/target/crawler-db, waits until it answers, runs the load client (bench/: 100,000
# anonymous GETs over the public pages with the server's heap after a full GC measured along the way, then the heap per
# logged-in user with the declaration editor open), and stops the server whatever happens.
# Results: bench/target/crawler/ (summary.txt, result.json, server.log).
#
# Usage: bench/crawler.sh [--gets=100000] [--connections=40] [--checkpoints=5] [--users=200] [--warmup=2000]
#                         [--expect-no-sessions=true] [--settle-seconds=35]
# The client gives up after CLIENT_TIMEOUT seconds (default 1500). It needs `jcmd` (the JDK's) to read the server's heap.
# Only one Payara Server can run on a machine at a time: the script holds /tmp/innofund-server.lock (flock) for its
# whole run, like every other command that starts one. All traffic goes to localhost.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$REPO/bench/target/crawler"
DB_DIR="$REPO/bench/target/crawler-db"
# shellcheck source=lib/server.sh
. "$REPO/bench/lib/server.sh"
bench_take_lock "$@"
bench_start_server

echo "== running the load client"
set +e
timeout "${CLIENT_TIMEOUT:-1500}" java -Xmx1g -cp "$(bench_classpath)" \
    org.innofund.bench.Crawler --base="$URL" --out="$OUT" --server-config="$SERVER_CONFIG" \
    --server-pid="$PAYARA_PID" "$@"
client_status=$?
set -e

bench_log_summary
echo "== results in bench/target/crawler/ (summary.txt, result.json, server.log)"
exit "$client_status"
