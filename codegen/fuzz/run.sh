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
    answer) answer_seeds && echo "fuzz/seeds/answer" ;;
    *) echo "" ;;
  esac
}
# The answer target starts from Twilio's own library answers for the records it reads
# (tests/fixtures/twilio-library-answers/), each behind the byte that picks the record
# (see fuzz_targets/answer.rs), so it mutates real pages and records.
answer_seeds() {
  rm -rf fuzz/seeds/answer && mkdir -p fuzz/seeds/answer
  python3 - ../tests/fixtures/twilio-library-answers fuzz/seeds/answer <<'PY'
import json, sys
answers, out = sys.argv[1:]
kinds = {"twilio_conversations_v1": {"ConversationParticipant": 0, "ListConversationParticipant": 1},
         "twilio_api_v2010": {"Message": 2, "ListMessage": 3}}
for api, by_op in kinds.items():
    for n, line in enumerate(open(f"{answers}/{api}.jsonl")):
        answer = json.loads(line)
        op = answer["op"]
        kind = by_op.get(op, by_op.get(op.removeprefix("Create").removeprefix("Fetch").removeprefix("Update")))
        if kind is not None and answer.get("body") is not None:
            with open(f"{out}/{api}-{n}", "wb") as f:
                f.write(bytes([kind]) + json.dumps(answer["body"]).encode())
PY
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
