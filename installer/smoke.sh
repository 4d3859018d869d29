#!/usr/bin/env bash
# Smoke test of the installers built by installer/build.sh: the app-image's launcher runs the CLI
# (--version, an import into a scratch catalog, tagging a still with the bundled models) and opens the
# studio window under Xvfb (screenshot, and launch-to-window time, median of 5); then the .deb is unpacked
# with dpkg-deb -x and the same launcher is run from there. Needs xvfb-run, xdotool and ImageMagick.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/target"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
clip="$root/assets/demo/video/cup.mp4"
still="$root/assets/demo/stills/chelsea.png"

check_cli() { # $1: launcher
    local launcher="$1" home="$scratch/home-$RANDOM"
    "$launcher" --version | grep -q '^cutroom ' || { echo "FAIL: $launcher --version" >&2; exit 1; }
    CUTROOM_HOME="$home" "$launcher" import "$clip" | grep -q '^imported 1 ' || { echo "FAIL: import with $launcher" >&2; exit 1; }
    [ -f "$home/catalog.sqlite" ] || { echo "FAIL: the catalog is not in CUTROOM_HOME" >&2; exit 1; }
    "$launcher" tag-image "$still" | grep -q '^cat ' || { echo "FAIL: the bundled models did not tag $still as a cat" >&2; exit 1; }
    echo "ok: $launcher runs --version, import and tag-image"
}

[ -x "$out/Cutroom/bin/Cutroom" ] || { echo "installer/smoke.sh: build first with installer/build.sh" >&2; exit 1; }
touch "$scratch/before"
sleep 1
check_cli "$out/Cutroom/bin/Cutroom"

# Launch to first window, five times, under one Xvfb display.
times_file="$scratch/times"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    set -e
    for run in 1 2 3 4 5; do
        home="'"$scratch"'/gui-$run"
        start=$(date +%s.%N)
        CUTROOM_HOME="$home" "'"$out"'/Cutroom/bin/Cutroom" > "'"$scratch"'/gui-$run.log" 2>&1 &
        pid=$!
        for i in $(seq 1 600); do
            if xdotool search --onlyvisible --name "^Cutroom$" >/dev/null 2>&1; then break; fi
            sleep 0.05
        done
        end=$(date +%s.%N)
        xdotool search --onlyvisible --name "^Cutroom$" >/dev/null || { echo "FAIL: no studio window" >&2; kill $pid; exit 1; }
        echo "$end - $start" | bc >> "'"$times_file"'"
        if [ $run = 1 ]; then sleep 3; import -window root "'"$out"'/smoke-window.png"; fi
        kill $pid; wait $pid 2>/dev/null || true
    done'
median="$(sort -n "$times_file" | sed -n 3p)"
written="$(find "$out/Cutroom" -newer "$scratch/before" | head -5)"
[ -z "$written" ] || { echo "FAIL: running the app wrote inside the installation: $written" >&2; exit 1; }
echo "ok: nothing was written inside the installation (catalogs went to CUTROOM_HOME)"
echo "ok: the studio window appeared in each of 5 launches; launch to window: $(tr '\n' ' ' < "$times_file")s; median ${median}s"
echo "screenshot: installer/target/smoke-window.png"

deb="$(ls "$out"/cutroom_*.deb 2>/dev/null | head -1)"
if [ -n "$deb" ]; then
    dpkg-deb -x "$deb" "$scratch/deb"
    check_cli "$scratch/deb/opt/cutroom/bin/Cutroom"
    echo "ok: $(basename "$deb") unpacks and its launcher runs"
fi
echo "median launch-to-window: ${median}s (5 launches under Xvfb)" > "$out/launch.txt"
