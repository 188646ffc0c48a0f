#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each (default 180), two at a
# time, each input bound to 1 s and the process to RSS_MB of memory (default 1024):
# a hang fails as a crash does. Needs cargo-fuzz (installed here if missing) and a
# nightly compiler or RUSTC_BOOTSTRAP=1. Prints libFuzzer's last status line of each.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SECONDS_EACH:-180}
rss=${RSS_MB:-1024}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(webhook_form webhook_query webhook_json webhook_http webhook_event callback twiml answer loader importer)
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O >/dev/null
seeds() {
  case "$1" in
    importer) echo "../tests/fixtures/malformed_openapi ../tests/fixtures/import" ;;
    loader) echo "../tests/fixtures/malformed ../tests/fixtures/everything/spec ../spec/twilio-twiml" ;;
    answer) echo "../tests/fixtures/openapi" ;;
    *) echo "" ;;
  esac
}
run() {
  local target=$1 log=fuzz/logs/$1.log
  mkdir -p "fuzz/corpus/$target" fuzz/logs
  # shellcheck disable=SC2046
  cargo fuzz run -O "$target" "fuzz/corpus/$target" $(seeds "$target") -- \
    -max_total_time="$seconds" -timeout=1 -rss_limit_mb="$rss" -print_final_stats=1 \
    >"$log" 2>&1
  local status=$?
  printf '%-14s exit %s  %s  peak %s\n' "$target" "$status" \
    "$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -n 1 | sed 's/  */ /g')" \
    "$(grep -E 'peak_rss_mb' "$log" | tail -n 1 | sed 's/.*: *//') MB"
  return $status
}
failed=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[i]}" & a=$!
  if [ $((i + 1)) -lt ${#targets[@]} ]; then run "${targets[i + 1]}" & b=$!; else b=; fi
  wait $a || failed=1
  if [ -n "$b" ]; then wait $b || failed=1; fi
done
exit $failed
