#!/usr/bin/env bash
# Runs `npm start` on a fresh data folder as a new user would, waits for the dashboard, signs in
# with every demo login, prints the time from start to ready, and stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${SMOKE_PORT:-3555}
data=$(mktemp -d /tmp/floorwise-smoke-XXXXXX)
chmod 755 "$data"
log="$data/start.log"
t0=$(date +%s)
# In its own session, so the whole tree (npm, the launcher, the API, PostgreSQL) is stopped
# together: TERM to npm alone left the launcher and the API running, holding the port.
FLOORWISE_DATA_DIR="$data" PORT=$port EMBEDDED_PG_PORT=0 setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() {
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    pgrep -g "$pid" >/dev/null 2>&1 || break
    sleep 1
  done
  # npm may return before the launcher has stopped PostgreSQL: wait for it to let go of the folder.
  for _ in $(seq 1 30); do
    pgrep -f "postgres -D $data/pg" >/dev/null 2>&1 || break
    sleep 1
  done
  rm -rf "$data" 2>/dev/null || { sleep 2; rm -rf "$data" || true; }
}
trap cleanup EXIT
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "npm start exited early"; exit 1; fi
  sleep 1
done
ready=$(( $(date +%s) - t0 ))
grep -v '^{"level"' "$log" | tail -20
curl -fsS "http://127.0.0.1:$port/" | grep -q '<fw-root' || { echo "the dashboard is not served"; exit 1; }
logins=$(curl -fsS "http://127.0.0.1:$port/api/auth/demo-logins")
echo "$logins" | node -e '
  const logins = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const roles = logins.map((l) => l.role).sort().join(",");
  if (roles !== "admin,agent,hr,manager") { console.error("demo logins: " + roles); process.exit(1); }
  Promise.all(logins.map((l) => fetch("http://127.0.0.1:" + process.argv[1] + "/api/auth/login", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: l.email, password: l.password }) }).then((r) => {
      if (r.status !== 200) throw new Error(l.email + " sign-in answered " + r.status);
      console.log("signed in as " + l.role + " (" + l.email + ")");
    }))).catch((e) => { console.error(e.message); process.exit(1); });
' "$port"
echo "npm start → dashboard ready in ${ready} s (includes build, database, demo data)"
