#!/usr/bin/env bash
# The cluster's fault test: a submission load through HAProxy while one node is killed (kill -9) and started again,
# and PostgreSQL is restarted once. Then it checks that every acknowledged submission exists, that no idempotency key
# has two dossiers, that every dossier was received once (one SUBMITTED event, one acknowledgement notice), that the
# audit chains (sealed by one node at a time) verify, and that no request waited longer than the timeout.
# Prints: acknowledged=N found=N duplicates=0 ... and exits non-zero when a check fails.
#
# Settings: MOTCUA_FAULT_CLIENTS (8 concurrent clients), MOTCUA_FAULT_SECONDS (60: the load lasts this plus node 2's
# restart), MOTCUA_FAULT_TIMEOUT (35 s: the
# load balancer's 30 s server timeout plus connection set-up), and those of scripts/cluster.sh. Starts the cluster
# when it is not running and leaves it running (scripts/cluster.sh down stops it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CLUSTER="$ROOT/scripts/cluster.sh"
CLIENTS="${MOTCUA_FAULT_CLIENTS:-8}"
SECONDS_TOTAL="${MOTCUA_FAULT_SECONDS:-60}"
TIMEOUT="${MOTCUA_FAULT_TIMEOUT:-35}"
LB="$("$CLUSTER" up)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

CHILD_BORN="$(date -d '-10 days' +%F)"
# One birth registration (procedure 1.001193) for ward 26740; PHONE is replaced per submission.
cat > "$WORK/body.json" <<JSON
{"procedureCode":"1.001193",
 "applicant":{"kind":"PERSON","name":"Nguyễn Thị Thủy Tiên","personalId":"079190012345","phone":"PHONE","email":"fault.PHONE@example.vn"},
 "address":{"unitCode":"26740","line":"12 Lê Lợi"},
 "form":{"applicant":{"fullName":"Nguyễn Thị Thủy Tiên","birthDate":"1990-05-12","personalId":"079190012345","phone":"PHONE",
          "email":"fault.PHONE@example.vn","residence":"26740","residenceDetail":"12 Lê Lợi"},
         "relationship":"Mẹ",
         "child":{"fullName":"Trần Minh Khôi","gender":"NAM","birthDate":"$CHILD_BORN","birthPlace":"26740","ethnicity":"Kinh","nationality":"Việt Nam"},
         "mother":{"fullName":"Nguyễn Thị Thủy Tiên","birthDate":"1990-05-12","personalId":"079190012345","residence":"26740"},
         "resultDelivery":"ONLINE"},
 "attachments":[{"fileName":"giay-chung-sinh.pdf","contentBase64":"$(printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' | base64 -w0)"}]}
JSON

# A client: submissions in a closed loop until the end time. Each submission keeps its Idempotency-Key through its
# retries (as the API asks of integrations), so a retry after a lost answer cannot make a second dossier.
client() {
  local c="$1" i=0
  while [ ! -f "$WORK/stop" ]; do
    i=$(( i + 1 ))
    local key phone; key="$(cat /proc/sys/kernel/random/uuid)"; phone="07$(printf '%02d%06d' "$c" "$(( i % 1000000 ))")"
    sed "s/PHONE/$phone/g" "$WORK/body.json" > "$WORK/req.$c.json"
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
      local out; out="$(curl -s -o "$WORK/resp.$c" -w '%{http_code} %{time_total}' --max-time "$TIMEOUT" \
        -u congdan:demo -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
        --data-binary @"$WORK/req.$c.json" "$LB/api/v1/dossiers" || echo "000 $TIMEOUT")"
      echo "$key ${out}" >> "$WORK/requests.$c"
      case "${out%% *}" in
        200|201) echo "$key" >> "$WORK/acked.$c"; break ;;
        *) sleep 0.5 ;;
      esac
    done
  done
}

# The load runs until every fault has happened and the cluster has served a while after the last one.
log "Load: $CLIENTS clients through $LB; faults after $(( SECONDS_TOTAL / 4 ))s"
for c in $(seq 1 "$CLIENTS"); do client "$c" & done
sleep $(( SECONDS_TOTAL / 4 ))
"$CLUSTER" kill 2
sleep $(( SECONDS_TOTAL / 4 ))
"$CLUSTER" start 2 || log "node 2 did not come back in time"
"$CLUSTER" restart-db
sleep $(( SECONDS_TOTAL / 4 ))
touch "$WORK/stop"
wait
log "Load finished; checking"

cat "$WORK"/acked.* 2>/dev/null | sort -u > "$WORK/acked"
ACKED="$(wc -l < "$WORK/acked")"
REQUESTS="$(cat "$WORK"/requests.* | wc -l)"
FAILED_TRIES="$(cat "$WORK"/requests.* | awk '$2 != 200 && $2 != 201' | wc -l)"
MAX_WAIT="$(cat "$WORK"/requests.* | awk 'BEGIN{m=0} {if ($3+0 > m) m=$3+0} END{printf "%.2f", m}')"

PSQL() { "$CLUSTER" psql -v ON_ERROR_STOP=1 -tA "$@"; }
{
  echo "create temp table acked(key text primary key);"
  echo "\\copy acked from '$WORK/acked'"
  echo "select 'found=' || count(distinct d.id) from dossier d join acked a on a.key = d.idempotency_key and d.submitted_by = 'congdan';"
  echo "select 'duplicates=' || count(*) from (select idempotency_key from dossier where idempotency_key is not null group by submitted_by, idempotency_key having count(*) > 1) x;"
  echo "select 'received_twice=' || count(*) from (select e.dossier_id from dossier_event e join dossier d on d.id = e.dossier_id join acked a on a.key = d.idempotency_key where e.type = 'SUBMITTED' group by e.dossier_id having count(*) <> 1) x;"
  echo "select 'notices_twice=' || count(*) from (select dedup_key from notification group by dedup_key having count(*) > 1) x;"
} > "$WORK/check.sql"
RESULT="$(PSQL -f "$WORK/check.sql")"
FOUND="$(echo "$RESULT" | sed -n 's/^found=//p')"
DUPS="$(echo "$RESULT" | sed -n 's/^duplicates=//p')"
TWICE="$(echo "$RESULT" | sed -n 's/^received_twice=//p')"
NOTICES="$(echo "$RESULT" | sed -n 's/^notices_twice=//p')"
TODAY="$(TZ=Asia/Ho_Chi_Minh date +%F)"
AUDIT="$(curl -s --max-time 120 -u kiemtra:demo "$LB/api/v1/audit/verify?from=$TODAY&to=$TODAY" || true)"
AUDIT_OK="$(echo "$AUDIT" | grep -o '"ok":[a-z]*' | cut -d: -f2)"

echo "acknowledged=$ACKED found=$FOUND duplicates=$DUPS received_twice=$TWICE notices_twice=$NOTICES audit_chain_ok=${AUDIT_OK:-unknown} requests=$REQUESTS failed_tries=$FAILED_TRIES max_wait_s=$MAX_WAIT timeout_s=$TIMEOUT"
[ "$ACKED" -gt 0 ] && [ "$ACKED" = "$FOUND" ] && [ "$DUPS" = 0 ] && [ "$TWICE" = 0 ] && [ "$NOTICES" = 0 ] \
  && [ "${AUDIT_OK:-}" = true ] && awk -v m="$MAX_WAIT" -v t="$TIMEOUT" 'BEGIN{exit !(m < t)}'
