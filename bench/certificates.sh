#!/usr/bin/env bash
# The certificate benchmark (issue 14, see BENCHMARKS.md): 1,000 subsidy confirmations rendered and signed by the
# product's own classes on one thread, the first of them cold, beside the limit (the same text on a plain one-page
# PDFBox document in the same font, unsigned). In-process: no server, no database (storing the PDF is not counted).
# It builds the EJB module, generates a demo signing key with the run command's generator, then runs
# bench/certificates/CertificateBench.java on one core (taskset) with a JVM that sees one processor.
# Results: bench/target/certificates/ (summary.txt and a sample PDF).
#
# Usage: bench/certificates.sh [documents]   (default 1000)
# Holds /tmp/innofund-server.lock while it runs, so that no server started by a test or another benchmark shares the
# cores with it.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$REPO/bench/target/certificates"
mkdir -p "$OUT"
exec 9>/tmp/innofund-server.lock
echo "== waiting for /tmp/innofund-server.lock"
flock 9

echo "== building the EJB module and its class path"
(cd "$REPO" && mvn -q -B package dependency:build-classpath -pl sql,ejb -DskipTests \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=compile)
CP="$REPO/ejb/target/classes:$(cat "$REPO/ejb/target/bench-classpath.txt")"

echo "== a signing key (the run command's demo key generator)"
rm -f "$OUT/bench.p12" "$OUT/bench-password"
java -cp "$CP" "$REPO/payara/SigningKeystore.java" "$OUT/bench.p12" "$OUT/bench-password" >/dev/null

echo "== running"
PIN=()
command -v taskset >/dev/null && PIN=(taskset -c 0)
"${PIN[@]}" java -XX:ActiveProcessorCount=1 -Xmx512m -cp "$CP" "$REPO/bench/certificates/CertificateBench.java" \
    "$OUT/bench.p12" "$OUT/bench-password" "$OUT" "${1:-1000}"
