#!/usr/bin/env bash
# Builds Cutroom's installers with the JDK's jlink and jpackage: a runtime with JavaFX linked in, an
# app-image, and the platform's package: .deb on Linux, .dmg on macOS, .msi and .exe on Windows (Git Bash;
# WiX 3 on the PATH). The Maven build takes the platform's natives by profile (see pom.xml).
# Usage: installer/build.sh [--skip-build] [--no-package]
# Output in installer/target/: runtime/, the app-image, the package, sizes.txt.
# Built and tested here: Linux x86-64 (app-image and .deb). The macOS and Windows paths are written, not run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/target"
skip_build=false
make_package=true
for arg in "$@"; do
    case "$arg" in
        --skip-build) skip_build=true ;;
        --no-package) make_package=false ;;
        *) echo "usage: installer/build.sh [--skip-build] [--no-package]" >&2; exit 2 ;;
    esac
done
case "$(uname -s)" in
    Linux) platform=linux; profile=""; sep=":" ;;
    Darwin) platform=mac; sep=":"
            if [ "$(uname -m)" = arm64 ]; then profile="-Pmacos-arm64"; else profile="-Pmacos-x86_64"; fi ;;
    MINGW*|MSYS*|CYGWIN*) platform=windows; profile="-Pwindows-x86_64"; sep=";" ;;
    *) echo "installer: $(uname -s) is not a platform Cutroom packages for." >&2; exit 1 ;;
esac

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
for tool in jlink jpackage; do
    [ -x "$java_home/bin/$tool" ] || { echo "installer: $java_home/bin/$tool is missing; a full JDK 17 is needed." >&2; exit 1; }
done
if [ "$platform" = linux ]; then
    for tool in zip unzip fakeroot dpkg-deb; do
        command -v "$tool" >/dev/null || { echo "installer: $tool is needed (Debian: apt-get install zip unzip fakeroot dpkg)." >&2; exit 1; }
    done
fi
[ -d "$java_home/jmods" ] || { echo "installer: $java_home/jmods is missing; install the JDK's jmods (Debian: openjdk-17-jdk)." >&2; exit 1; }

if ! $skip_build; then
    (cd "$root" && mvn -B -q -DskipTests $profile package)
fi
version="$(cd "$root" && sed -n 's:.*<version>\([0-9][^<]*\)</version>.*:\1:p' pom.xml | head -1 | sed 's/-SNAPSHOT//')"
lib="$root/app/target/lib"
[ -f "$root/app/target/cutroom.jar" ] || { echo "installer: app/target/cutroom.jar is missing; build first." >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/input/lib" "$out/input/models"
# JavaFX goes into the runtime as modules; everything else stays on the class path.
cp "$root/app/target/cutroom.jar" "$out/input/"
find "$lib" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$out/input/lib/" \;
# (The javafx-NAME-VERSION.jar files without a platform classifier are empty placeholders.)
# ND4J picks its oneDNN AVX2 natives when they are present; the plain build (320 MB unpacked) is left out,
# so the installed studio needs a CPU with AVX2 (Intel since 2013, AMD since 2015).
if ls "$out"/input/lib/nd4j-native-*-onednn-avx2.jar >/dev/null 2>&1; then
    rm -f "$out"/input/lib/nd4j-native-*-linux-x86_64.jar
fi
# Native libraries inside jars are stored, not deflated: the .deb's xz then packs them three times
# smaller than deflate does (ND4J's 365 MB library: 90 MB deflated, 33 MB with xz).
for jar in "$out"/input/lib/*.jar; do
    if [ "$platform" = linux ] && [ "$(stat -c %s "$jar")" -gt 5000000 ]; then
        unpacked="$(mktemp -d)"
        (cd "$unpacked" && unzip -q "$jar" && rm -f "$jar" && zip -q -0 -r -X "$jar" .)
        rm -rf "$unpacked"
    fi
done
cp "$root"/models/models.json "$root"/models/tag_thresholds.json "$root"/models/MODEL_CARD.md "$out/input/models/"
for model in $(sed -n 's/.*"file" *: *"\([^"]*\)".*/\1/p' "$root/models/models.json"); do
    cp "$root/models/$model" "$out/input/models/"
done
cp -r "$root/assets/demo" "$out/input/demo"
cp "$root/assets/CREDITS.md" "$out/input/"

javafx_jars="$(find "$lib" -name 'javafx-*.jar' ! -name 'javafx-*[0-9].jar' | sort | tr '\n' "$sep")"
# The JDK modules the app and its libraries use (jdeps on cutroom.jar, plus what JavaCV, ND4J, SQLite,
# logging and the JavaFX-Swing bridge need at run time).
jdk_modules="java.base,java.desktop,java.sql,java.naming,java.logging,java.management,java.xml,java.scripting,java.compiler,jdk.unsupported,jdk.unsupported.desktop,jdk.jfr,jdk.management,jdk.zipfs,jdk.crypto.ec"
"$java_home/bin/jlink" --module-path "$java_home/jmods$sep${javafx_jars%"$sep"}" \
    --add-modules "$jdk_modules,javafx.base,javafx.graphics,javafx.controls,javafx.media,javafx.swing" \
    --strip-debug --no-header-files --no-man-pages --compress=0 --output "$out/runtime"

# jpackage takes a PNG icon on Linux; macOS wants .icns and Windows .ico, which are not made yet.
icon=()
if [ "$platform" = linux ]; then
    icon=(--icon "$here/cutroom.png")
fi
common=(--name Cutroom --app-version "$version" --vendor "Cutroom" --input "$out/input" --main-jar cutroom.jar
        --main-class io.cutroom.Main --runtime-image "$out/runtime"
        --description "Offline media studio: catalog, tagging, reframing, colour, playlists"
        --java-options "-Dcutroom.installed=true" "${icon[@]}")
"$java_home/bin/jpackage" --type app-image --dest "$out" "${common[@]}"
associations=()
for f in "$here"/assoc-*.properties; do
    associations+=(--file-associations "$f")
done
if $make_package; then
    case "$platform" in
        linux)
            # JavaFX needs GTK 3; its media player needs the system's libavcodec/libavformat (58 or 59).
            "$java_home/bin/jpackage" --type deb --dest "$out" "${common[@]}" \
                --linux-package-name cutroom --linux-app-category video --linux-shortcut --linux-menu-group "AudioVideo;Video" \
                --linux-package-deps "libgtk-3-0, libasound2, libgomp1, libavcodec59 | libavcodec58, libavformat59 | libavformat58" \
                --license-file "$here/LICENSE.txt" "${associations[@]}" ;;
        mac)
            "$java_home/bin/jpackage" --type dmg --dest "$out" "${common[@]}" --mac-package-identifier io.cutroom.studio \
                --license-file "$here/LICENSE.txt" "${associations[@]}" ;;
        windows)
            for type in msi exe; do
                "$java_home/bin/jpackage" --type "$type" --dest "$out" "${common[@]}" --win-menu --win-shortcut \
                    --win-dir-chooser --win-console --license-file "$here/LICENSE.txt" "${associations[@]}"
            done ;;
    esac
fi

{
    echo "runtime: $(du -sm "$out/runtime" | cut -f1) MiB"
    echo "app-image: $(du -sm "$out/Cutroom" | cut -f1) MiB"
    for package in "$out"/*.deb "$out"/*.dmg "$out"/*.msi "$out"/*.exe; do
        if [ -f "$package" ]; then
            echo "${package##*.}: $(du -m "$package" | cut -f1) MiB ($(basename "$package"))"
        fi
    done
} | tee "$out/sizes.txt"
