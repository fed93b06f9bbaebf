#!/usr/bin/env bash
# The soak: runs the venue test once (scripts/venue-test.sh: the package under systemd), then the kill test, the
# monkey test and the four fault tests (full disk, read-only, locked, damaged file) round after round, each with a
# fresh seed, until SECONDS (default 3600) have passed, then prints one summary: the venue test, rounds, actions
# confirmed and found, lost, duplicated, crashes, hangs, memory growth, fault scenarios.
# Exits non-zero if anything was lost or doubled, crashed, hung or failed.
#   usage: scripts/soak.sh [SECONDS]      logs of every run: out/soak/<time>/ (IDEEN_SOAK_DIR to choose)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

TOTAL="${1:-3600}"
[[ "$TOTAL" =~ ^[0-9]+$ ]] && [ "$TOTAL" -ge 60 ] || { echo "usage: scripts/soak.sh [SECONDS >= 60]" >&2; exit 2; }

ideen_install "${IDEEN_BUILD_PACKAGES[@]}" "${IDEEN_TEST_PACKAGES[@]}"
ideen_build ci
cd "$IDEEN_ROOT"
BIN="$IDEEN_ROOT/build/ci/kiosk/app/ideenkiosk"
E2E="$IDEEN_ROOT/tests/e2e"
LOGS="${IDEEN_SOAK_DIR:-$IDEEN_ROOT/out/soak/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$LOGS"
export LIBGL_ALWAYS_SOFTWARE=1

FAULTS=(full readonly locked corrupt)
START=$SECONDS
DEADLINE=$((SECONDS + TOTAL))
fault_seconds=240   # a first guess at one pass over the fault tests; measured from the first round on
rounds=0 runs_failed=0 LINE=""
declare -A sum=() maxv=() fault_pass=() fault_run=()

# figure LINE KEY: the value of KEY=… in a SUMMARY line (0 when absent).
figure() { local v; v=$(grep -oE "(^| )$2=[^ ]+" <<<"$1" | head -1 | cut -d= -f2); echo "${v:-0}"; }
add() { sum[$1]=$(( ${sum[$1]:-0} + $2 )); }
keep_max() { [ "$2" -gt "${maxv[$1]:-0}" ] && maxv[$1]=$2 || true; }

# run NAME LOG LIMIT ENV…: one test script with a time limit; its SUMMARY line in LINE (empty when none).
run() {
  local name="$1" log="$2" limit="$3"; shift 3
  local code=0
  env "$@" timeout --kill-after=20 "$limit" bash "$E2E/test_$name.sh" "$BIN" "$IDEEN_ROOT" >"$log" 2>&1 || code=$?
  if [ "$code" != 0 ]; then
    runs_failed=$((runs_failed + 1))
    [ "$code" = 124 ] && echo "   $name: stopped after $limit s (counted as a hang): $log" >&2 \
                      || echo "   $name: FAILED (exit $code): $log" >&2
    [ "$code" = 124 ] && add test_timeouts 1
  fi
  LINE=$(grep -E '^SUMMARY ' "$log" | tail -1 || true)
}

# run_round NAME SECONDS ENV…: the kill or monkey test for SECONDS in this round; prints its summary and keeps
# it in `line`; fails when the test left no summary.
run_round() {
  local name="$1" seconds="$2"; shift 2
  run "$name" "$LOGS/$name-$rounds.log" $((seconds + 300)) "$@"
  line="$LINE"
  printf '   %-7s %s\n' "$name:" "${line#SUMMARY test=$name }"
  [ -n "$line" ]
}

# [SECTION] The venue test, once: the package installed in a booted Debian root, systemd restarting the kiosk
# after kill -9 and after a hang (scripts/venue-test.sh; its root is cached, the first run debootstraps it).
# IDEEN_SOAK_VENUE=0 leaves it out. Skipped (no root, no network, no nspawn) is not a failure.
venue_result=off venue_line=""
if [ "${IDEEN_SOAK_VENUE:-1}" = 1 ]; then
  ideen_log "Venue test: install, boot, kill, hang, remove"
  code=0
  timeout --kill-after=30 1800 "$IDEEN_ROOT/scripts/venue-test.sh" >"$LOGS/venue.log" 2>&1 || code=$?
  venue_line=$(grep -E '^SUMMARY test=venue' "$LOGS/venue.log" | tail -1 || true)
  case "$code" in
    0) venue_result=pass ;;
    77) venue_result=skipped ;;
    *) venue_result=fail; runs_failed=$((runs_failed + 1)); echo "   venue: FAILED (exit $code): $LOGS/venue.log" >&2 ;;
  esac
  echo "   venue:  ${venue_line#SUMMARY test=venue }"
fi

# Rounds of about ten minutes, so that every fault comes back and every test gets fresh seeds; each round's
# time, less one pass over the fault tests, goes to the kill and monkey tests in equal parts.
planned=$(( (TOTAL + 300) / 600 ))
[ "$planned" -lt 1 ] && planned=1
while :; do
  left=$((DEADLINE - SECONDS))
  # Another round only if it fits: the fault tests and two short kill and monkey runs.
  [ "$rounds" -gt 0 ] && [ "$left" -lt $((fault_seconds + 80)) ] && break
  rounds_left=$((planned - rounds))
  [ "$rounds_left" -lt 1 ] && rounds_left=1
  share=$(( (left / rounds_left - fault_seconds - 20) / 2 ))
  [ "$share" -lt 30 ] && share=30
  rounds=$((rounds + 1))
  ideen_log "Soak round $rounds: kill and monkey ${share} s each, then the fault tests (${left} s left)"

  if run_round kill "$share" KILL_SECONDS="$share" KILL_SEED="$RANDOM$RANDOM"; then
    add kill_runs 1; add kill_rounds "$(figure "$line" rounds)"; add confirmed "$(figure "$line" confirmed)"
    add found "$(figure "$line" found)"; add lost "$(figure "$line" lost)"; add duplicated "$(figure "$line" duplicated)"
    add kill_crashes "$(figure "$line" crashes)"; add kill_hangs "$(figure "$line" hangs)"
  else
    add kill_missing 1
  fi

  if run_round monkey "$share" MONKEY_SECONDS="$share" MONKEY_SEED="$RANDOM$RANDOM"; then
    add monkey_runs 1; add actions "$(figure "$line" actions)"; add monkey_crashes "$(figure "$line" crashes)"
    add monkey_hangs "$(figure "$line" hangs)"; add leaves "$(figure "$line" leaves)"; add panel "$(figure "$line" panel)"
    keep_max growth "$(figure "$line" rss_growth_kb)"
  else
    add monkey_missing 1
  fi

  began=$SECONDS
  for f in "${FAULTS[@]}"; do
    run "fault_$f" "$LOGS/fault-$f-$rounds.log" 300
    line="$LINE"
    fault_run[$f]=$(( ${fault_run[$f]:-0} + 1 ))
    case "$(figure "$line" result)" in
      pass) fault_pass[$f]=$(( ${fault_pass[$f]:-0} + 1 )) ;;
      skipped) fault_pass[$f]=$(( ${fault_pass[$f]:-0} + 1 )); add fault_skipped 1 ;;
    esac
    echo "   fault:  ${line#SUMMARY test=fault }"
  done
  # The venue sync cut off (link down, then a one-way blackhole) with its own PostgreSQL; 77: this machine cannot
  # make network namespaces or has no PostgreSQL (the log says which).
  code=0
  IDEEN_PARTITION_VARIANTS="link blackhole" timeout --kill-after=20 600 bash "$E2E/test_sync_partition.sh" "$BIN" \
    "$IDEEN_ROOT" >"$LOGS/sync-partition-$rounds.log" 2>&1 || code=$?
  case "$code" in
    0 | 77) echo "   partition: $(tail -n 1 "$LOGS/sync-partition-$rounds.log")" ;;
    *) runs_failed=$((runs_failed + 1)); echo "   sync_partition: FAILED (exit $code): $LOGS/sync-partition-$rounds.log" >&2 ;;
  esac
  fault_seconds=$((SECONDS - began))
done

# [SECTION] Summary
crashes=$(( ${sum[kill_crashes]:-0} + ${sum[monkey_crashes]:-0} ))
hangs=$(( ${sum[kill_hangs]:-0} + ${sum[monkey_hangs]:-0} + ${sum[test_timeouts]:-0} ))
faults_failed=0
fault_text=""
for f in "${FAULTS[@]}"; do
  fault_text+=" $f=${fault_pass[$f]:-0}/${fault_run[$f]:-0}"
  faults_failed=$(( faults_failed + ${fault_run[$f]:-0} - ${fault_pass[$f]:-0} ))
done
missing=$(( ${sum[kill_missing]:-0} + ${sum[monkey_missing]:-0} ))
verdict=PASS
if [ "${sum[lost]:-0}" -gt 0 ] || [ "${sum[duplicated]:-0}" -gt 0 ] || [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ] ||
   [ "$faults_failed" -gt 0 ] || [ "$runs_failed" -gt 0 ] || [ "$missing" -gt 0 ]; then
  verdict=FAIL
fi
echo
echo "SOAK seconds=$((SECONDS - START)) requested=$TOTAL rounds=$rounds logs=$LOGS"
echo "SOAK kill runs=${sum[kill_runs]:-0} kiosk_rounds=${sum[kill_rounds]:-0} confirmed=${sum[confirmed]:-0} found=${sum[found]:-0} lost=${sum[lost]:-0} duplicated=${sum[duplicated]:-0} crashes=${sum[kill_crashes]:-0} hangs=${sum[kill_hangs]:-0}"
echo "SOAK monkey runs=${sum[monkey_runs]:-0} actions=${sum[actions]:-0} crashes=${sum[monkey_crashes]:-0} hangs=${sum[monkey_hangs]:-0} leaves=${sum[leaves]:-0} panel_runs=${sum[panel]:-0} memory_growth_max_kb=${maxv[growth]:-0}"
echo "SOAK faults passed/run:$fault_text failed=$faults_failed skipped=${sum[fault_skipped]:-0}"
echo "SOAK venue result=$venue_result ${venue_line#SUMMARY test=venue result=$venue_result }"
echo "SOAK total crashes=$crashes hangs=$hangs failed_runs=$runs_failed missing_summaries=$missing result=$verdict"
[ "$verdict" = PASS ]
