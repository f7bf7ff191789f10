# Sourced: make sure a PulseAudio server with a null sink named ptcoach_null is reachable,
# starting a private one when none runs. Exports PULSE_SERVER / PULSE_SINK for the tests.
_ptc_runtime="${XDG_RUNTIME_DIR:-/tmp/ptcoach-pulse-$(id -u)}"
mkdir -p "$_ptc_runtime" && chmod 700 "$_ptc_runtime"
export XDG_RUNTIME_DIR="$_ptc_runtime"
if command -v pulseaudio >/dev/null; then
  if ! pactl info >/dev/null 2>&1; then
    pulseaudio --daemonize=yes --exit-idle-time=-1 --disallow-exit --log-target=stderr \
      --system=no -n --load="module-native-protocol-unix" \
      --load="module-null-sink sink_name=ptcoach_null rate=48000" >/dev/null 2>&1 || true
    for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  if pactl info >/dev/null 2>&1; then
    pactl list short sinks | grep -q ptcoach_null ||
      pactl load-module module-null-sink sink_name=ptcoach_null rate=48000 >/dev/null
    pactl set-default-sink ptcoach_null
    export PTCOACH_TEST_SINK=ptcoach_null
  fi
fi
unset _ptc_runtime
