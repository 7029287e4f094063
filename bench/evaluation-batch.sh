#!/usr/bin/env bash
# The bulk evaluation upload benchmark (see BENCHMARKS.md): builds the product, starts it with `mvn -Prun verify` on a
# fresh H2 database of its own (embedded in Payara, durable commits, AUTO_SERVER so that the client reaches the same
# database), seeds 1,000 accepted declarations assigned to one agency through the API, then runs the rounds (dry run,
# refusal with a bad last row, store, SQL reset; the limit alongside) and stops the server whatever happens.
# Results: bench/target/evaluation-batch/ (summary.txt, log.txt, server.log).
#
# Usage: bench/evaluation-batch.sh [--evaluations=1000] [--per-upload=250] [--report-bytes=204800] [--rounds=3]
#                                  [--setup-threads=4]
# Only one Payara Server can run on a machine at a time: the script holds /tmp/innofund-server.lock (flock) for its
# whole run, like every other command that starts one.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$REPO/bench/target/evaluation-batch"
DB_DIR="$REPO/bench/target/evaluation-batch-db"
# shellcheck source=lib/server.sh
. "$REPO/bench/lib/server.sh"
bench_take_lock "$@"
# H2 inside Payara (its CPU is the server's), commits written at once; AUTO_SERVER lets the load client open the same
# database over TCP (served by Payara's JVM) for the reset, the checks and the limit's scratch tables.
export DB=embedded-durable DB_URL_OPTIONS="AUTO_SERVER=TRUE"
bench_start_server

echo "== running the load client"
set +e
java -Xms1g -Xmx4g -cp "$(bench_classpath)" \
    org.innofund.bench.BulkEvaluations --base="$URL" --out="$OUT" --server-config="$SERVER_CONFIG" \
    --server-pid="$PAYARA_PID" --jdbc-url="$INNOFUND_DB_URL" --jdbc-user=innofund --jdbc-password="$INNOFUND_DB_PASSWORD" "$@"
client_status=$?
set -e

bench_log_summary
echo "== results in bench/target/evaluation-batch/ (summary.txt, log.txt, server.log)"
exit "$client_status"
