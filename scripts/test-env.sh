# Sourced by `make test` and `make bench`: the environment the suite runs in.
# Qt draws offscreen; a private PulseAudio daemon with a null sink takes the sound.
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export PYTHONDONTWRITEBYTECODE=1
source "$(dirname "${BASH_SOURCE[0]}")/pulse-null.sh"
