#!/usr/bin/env bash
# The widget tier in a few pytest processes, a slice of the test files each: Qt state that
# hundreds of widget tests leave behind (wrappers of deleted widgets, styles, threads) stays in
# its slice. The camera's test files (QtMultimedia's players and sinks, the pose threads) are a
# slice of their own. Any failing slice fails the run. Usage: scripts/widget-tests.sh PYTHON [SLICES]
set -uo pipefail
py=$1
slices=${2:-3}
mapfile -t files < <(ls tests/test_*.py | grep -v '^tests/test_camera_')
mapfile -t camera < <(ls tests/test_camera_*.py)
per=$(( (${#files[@]} + slices - 1) / slices ))
run() {
  "$py" -m pytest -m widget "$@"
  rc=$?
  if [[ $rc -ne 0 && $rc -ne 5 ]]; then  # 5: no widget test in this slice
    exit "$rc"
  fi
}
for ((i = 0; i < ${#files[@]}; i += per)); do
  run "${files[@]:i:per}"
done
if (( ${#camera[@]} )); then
  run "${camera[@]}"
fi
