#!/usr/bin/env bash
# Rebuilds the shipped models from their npm packages. Build time only: the studio never runs this.
# Needs node/npm and Maven (both reach only the npm registry and Maven Central).
# Writes models/*.zip|*.sdz, their SHA-256 in models/models.json, and models/fixtures/*/*.reference.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
media="$root/app/src/test/media"

(cd "$here/convert" && npm ci --no-audit --no-fund && node extract.cjs)
(cd "$root" && mvn -B -q -Pmodels -pl models/converter -am package -DskipTests)

# Fixture pictures: real photos and frames of real clips (see assets/CREDITS.md), at each model's input size.
frames="$(mktemp -d)"
trap 'rm -rf "$frames"' EXIT
ffmpeg_bin="$(find "$HOME/.javacpp/cache" -path '*ffmpeg*' -name ffmpeg -type f 2>/dev/null | head -1)"
if [ -z "$ffmpeg_bin" ]; then
  (cd "$root" && mvn -B -q -DskipTests package >/dev/null && java -jar app/target/cutroom.jar --version >/dev/null)
  ffmpeg_bin="$(find "$HOME/.javacpp/cache" -path '*ffmpeg*' -name ffmpeg -type f | head -1)"
fi
"$ffmpeg_bin" -v error -y -ss 18 -i "$media/video/big_buck_bunny_0_30.webm" -frames:v 1 "$frames/big_buck_bunny_bird.png"
"$ffmpeg_bin" -v error -y -ss 1.8 -i "$media/video/fire2.mp4" -frames:v 1 "$frames/fire2_dog.png"

java -Xmx6g -cp "$root/models/converter/target/cutroom-model-converter-0.1.0.jar:$(cat "$root/models/converter/target/classpath.txt")" \
  io.cutroom.models.ConvertModels "$here/convert/build" "$here" \
  "mobilenet_v2=$media/images/skimage/astronaut.png" "mobilenet_v2=$media/images/skimage/chelsea.png" \
  "mobilenet_v2=$frames/big_buck_bunny_bird.png" \
  "centernet=$media/images/skimage/astronaut.png" "centernet=$media/images/skimage/chelsea.png" \
  "centernet=$media/images/skimage/motorcycle_left.png" "centernet=$media/images/opencv/licenseplate_motion.jpg" \
  "centernet=$frames/fire2_dog.png" \
  "blazeface=$media/images/skimage/astronaut.png"

(cd "$here/convert" && node reference.cjs)
echo "Converted. Check agreement with: mvn -B -pl app test -Dtest=ModelAgreementTest"
