#!/usr/bin/env bash
# Restores an InnoFund backup (a zip written by H2's BACKUP TO, see README "Backup and restore") into a fresh
# database: stops the H2 server of the run command if it runs, moves the current database folder aside (kept, named
# with the time), unpacks the backup into a new one, and opens it once to check it. Then start the product again
# (mvn -Prun verify). Needs only a JDK and Maven (for the H2 jar).
#
# Usage: bench/restore-backup.sh BACKUP.zip [--dir=~/.innofund/db] [--port=9092] [--password-file=~/.innofund/db-password]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 1 ] || { sed -n '2,8p' "$0" >&2; exit 2; }
BACKUP=$(realpath "$1"); shift
DIR="$HOME/.innofund/db"; PORT=9092; PASSWORD_FILE="$HOME/.innofund/db-password"
for arg in "$@"; do
    case "$arg" in
        --dir=*) DIR="${arg#--dir=}" ;;
        --port=*) PORT="${arg#--port=}" ;;
        --password-file=*) PASSWORD_FILE="${arg#--password-file=}" ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done
[ -f "$BACKUP" ] || { echo "No backup file $BACKUP" >&2; exit 2; }

H2_VERSION=$(grep -o '<h2.version>[^<]*' "$REPO/pom.xml" | cut -d'>' -f2)
H2_JAR="$HOME/.m2/repository/com/h2database/h2/$H2_VERSION/h2-$H2_VERSION.jar"
[ -f "$H2_JAR" ] || mvn -q -B dependency:get -Dartifact="com.h2database:h2:$H2_VERSION" >&2
TOOL=(java -cp "$H2_JAR" "$REPO/ear/src/main/db/DatabaseServer.java")

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "== stopping the H2 server on 127.0.0.1:$PORT (stop the product first: it loses its database now)"
    "${TOOL[@]}" stop --port="$PORT" --password-file="$PASSWORD_FILE"
    for _ in $(seq 30); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || break; sleep 1; done
fi
if [ -e "$DIR" ]; then
    ASIDE="$DIR.before-restore-$(date +%Y%m%d-%H%M%S)"
    mv "$DIR" "$ASIDE"
    echo "== the database folder before the restore is kept as $ASIDE"
fi
"${TOOL[@]}" restore --backup="$BACKUP" --dir="$DIR"
echo "== restored. Start the product again: mvn -Prun verify"
