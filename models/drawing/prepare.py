#!/usr/bin/env python3
"""Builds the training pictures of the drawing head (models/drawing_head.zip) from Debian packages.

Build time only: `python3 models/drawing/prepare.py WORK`. Needs dpkg-deb, apt-get download (or the .deb files
already in WORK/debs) and an ffmpeg: on PATH (apt-get install ffmpeg), or FFMPEG= the one JavaCV unpacks under
~/.javacpp/cache. Then `cutroom eval drawing --images WORK/clipart ... --train models/drawing_head.zip` (the sets
are listed in models/MODEL_CARD.md). Writes WORK/clipart, WORK/tux, WORK/mate, WORK/gcompris and WORK/paintings, each with a labels.tsv that `cutroom eval
drawing` reads: `drawing` in the present column for a drawing, nothing for a photograph.

- openclipart-png (public domain): up to 45 seeded pictures from each of ten subject folders, all drawings.
- tuxpaint-stamps-default: stamps of animals, food, plants, household things, clothes, sports and vehicles;
  most are photographs cut out of their background, the few listed below are drawings, and the ones a person
  could not tell apart are left out.
- mate-backgrounds: the nature photographs.
- gcompris-qt-data: the picture-word cartoons of its vocabulary activity (one illustrator, one group), the
  photographs of its sorting and animal activities (CC0 or public domain each), and the 22 paintings of its
  puzzle activity put back together from their pieces (public-domain works; the Pieta is a photograph of a
  sculpture). Grouped by artist, so no painter is on both sides of a fold.

Cut-outs and clip art come with a transparent background. Each is flattened onto white or mid grey (black hides line art), chosen from a
hash of its name, the same way for drawings and photos, so the background says nothing about the class.
"""
import glob, hashlib, os, random, re, struct, subprocess, sys, zlib

WORK = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "drawing-train")
FFMPEG = os.environ.get("FFMPEG", "ffmpeg")
CLIPART_FOLDERS = ["animals", "people", "food", "transportation", "plants", "buildings", "recreation", "tools",
                   "office", "education"]
CLIPART_PER_FOLDER = 45
TUX_FOLDERS = ["animals/birds", "food/fruit", "animals/mammals", "animals/fish", "animals/insects", "food/vegetables",
               "plants/flowers", "household/tools", "household", "clothes", "sports", "vehicles", "vehicles/*",
               "food/dessert", "household/dishes", "household/electronics"]
TUX_DRAWINGS = {"animals/insects/bee.png", "animals/insects/fly.png", "animals/mammals/echidna.png",
                "animals/mammals/hedgehog.png", "clothes/button.png", "clothes/t_baseballcap.png", "clothes/t_glove.png",
                "clothes/t_jacket.png", "clothes/t_pants.png", "clothes/t_poloshirt.png", "clothes/t_scarf.png",
                "clothes/t_shirt.png", "clothes/t_sock.png", "clothes/t_tshirt.png", "household/dishes/glass.png",
                "vehicles/7spoke256.png", "vehicles/ship/chineseJunk.png"}
TUX_UNCLEAR = {"animals/birds/adelaide-rosella.png", "animals/birds/quetzal.png", "animals/fish/butterflyfish.png",
               "animals/fish/clownfish.png", "household/dishes/mug.png", "sports/rugby_goal_posts.png",
               "vehicles/emergency/sedan_police.png"}


def unpack(package):
    target = os.path.join(WORK, "debs", package)
    if not os.path.isdir(target):
        os.makedirs(os.path.join(WORK, "debs"), exist_ok=True)
        debs = glob.glob(os.path.join(WORK, "debs", package + "_*.deb"))
        if not debs:
            subprocess.run(["apt-get", "download", package], cwd=os.path.join(WORK, "debs"), check=True)
            debs = glob.glob(os.path.join(WORK, "debs", package + "_*.deb"))
        subprocess.run(["dpkg-deb", "-x", debs[0], target], check=True)
    return target


def flatten(source, target):
    background = "white" if hashlib.sha1(os.path.basename(source).encode()).digest()[0] % 2 == 0 else "gray"
    subprocess.run([FFMPEG, "-y", "-loglevel", "error", "-i", source, "-filter_complex",
                    f"[0]scale='min(640,iw)':-2,format=rgba[p];color={background}:s=16x16[b];"
                    f"[b][p]scale2ref[b2][p2];[b2][p2]overlay=format=auto,format=rgb24",
                    "-frames:v", "1", target], check=True)


def write_set(name, rows):
    folder = os.path.join(WORK, name)
    os.makedirs(folder, exist_ok=True)
    lines = ["file\tpresent\talso_acceptable\tgroup"]
    for source, out_name, drawing, group in rows:
        flatten(source, os.path.join(folder, out_name))
        lines.append(f"{out_name}\t{'drawing' if drawing else ''}\t\t{group}")
    with open(os.path.join(folder, "labels.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print(name, len(rows), "pictures,", sum(r[2] for r in rows), "drawings")


def clipart():
    root = os.path.join(unpack("openclipart-png"), "usr/share/openclipart/png")
    rows = []
    for folder in CLIPART_FOLDERS:
        files = sorted(glob.glob(os.path.join(root, folder, "**", "*.png"), recursive=True))
        for source in random.Random(1).sample(files, min(CLIPART_PER_FOLDER, len(files))):
            sub = os.path.relpath(os.path.dirname(source), root).replace("/", "-")
            rows.append((source, sub + "--" + os.path.basename(source), True, "clipart-" + folder))
    write_set("clipart", rows)


def tux():
    root = os.path.join(unpack("tuxpaint-stamps-default"), "usr/share/tuxpaint/stamps")
    rows, seen = [], set()
    for pattern in TUX_FOLDERS:
        for source in sorted(glob.glob(os.path.join(root, pattern, "*.png"))):
            name = os.path.relpath(source, root)
            if name in seen or name in TUX_UNCLEAR or any(t in name for t in ("_mirror", "_flip", "_shadow")):
                continue
            seen.add(name)
            rows.append((source, name.replace("/", "-"), name in TUX_DRAWINGS, "tux-" + os.path.dirname(name).split("/")[0]))
    write_set("tux", rows)


def mate():
    root = os.path.join(unpack("mate-backgrounds"), "usr/share/backgrounds/mate/nature")
    write_set("mate", [(s, os.path.basename(s), False, "mate-" + os.path.basename(s)) for s in sorted(glob.glob(root + "/*.jpg"))])


def qt_resources(rcc, target):
    """Unpacks a Qt resource file (rcc format 1 to 3): a tree of nodes, a names table and a data table."""
    data = open(rcc, "rb").read()
    version, tree, payload, names = struct.unpack(">IIII", data[4:20])
    node_size = 14 if version == 1 else 22

    def name(offset):
        length = struct.unpack(">H", data[names + offset:names + offset + 2])[0]
        return data[names + offset + 6:names + offset + 6 + 2 * length].decode("utf-16-be")

    def walk(index, path):
        at = tree + index * node_size
        name_offset, flags = struct.unpack(">IH", data[at:at + 6])
        here = os.path.join(path, name(name_offset)) if index else path
        if flags & 2:
            count, first = struct.unpack(">II", data[at + 6:at + 14])
            for child in range(first, first + count):
                walk(child, here)
            return
        offset = struct.unpack(">I", data[at + 10:at + 14])[0]
        size = struct.unpack(">I", data[payload + offset:payload + offset + 4])[0]
        blob = data[payload + offset + 4:payload + offset + 4 + size]
        if flags & 1:
            blob = zlib.decompress(blob[4:])
        elif flags & 4:
            blob = subprocess.run(["zstd", "-d", "-c"], input=blob, capture_output=True, check=True).stdout
        os.makedirs(os.path.dirname(here), exist_ok=True)
        with open(here, "wb") as f:
            f.write(blob)

    walk(0, target)


PAINTERS = {"Hokusai": "hokusai", "GreatWave": "hokusai", "KazusaSeaRoute": "hokusai", "EjiriSuruga": "hokusai",
            "Hiroshige": "hiroshige", "Arcimboldo": "arcimboldo", "renoir": "renoir"}


def painting(board, pieces, target):
    """Puts a puzzle board's pieces back at their places (centre x, y as shares of the board) and crops to them."""
    text = open(board).read()
    width = int(re.search(r'"width"\s*:\s*(\d+)', text).group(1))
    height = int(re.search(r'"height"\s*:\s*(\d+)', text).group(1))
    placed = re.findall(r'"pixmapfile"\s*:\s*"image/([^"]+)\.webp"\s*,\s*"x"\s*:\s*"([0-9.]+)"\s*,\s*"y"\s*:\s*"([0-9.]+)"', text)
    boxes = []
    for piece, x, y in placed:
        probe = subprocess.run([FFMPEG, "-i", os.path.join(pieces, piece + ".webp")], capture_output=True, text=True).stderr
        w, h = map(int, re.search(r", (\d+)x(\d+)", probe.split("Video:")[1]).groups())
        left, top = round(float(x) * width - w / 2), round(float(y) * height - h / 2)
        boxes.append((left, top, left + w, top + h))
    inputs, chain, last = [], [f"color=white:s={width}x{height}[c0]"], "c0"
    for i, ((piece, _, _), box) in enumerate(zip(placed, boxes)):
        inputs += ["-i", os.path.join(pieces, piece + ".webp")]
        chain.append(f"[{last}][{i}]overlay=x={box[0]}:y={box[1]}[c{i + 1}]")
        last = f"c{i + 1}"
    left, top = max(0, min(b[0] for b in boxes)) + 2, max(0, min(b[1] for b in boxes)) + 2
    right, bottom = min(width, max(b[2] for b in boxes)) - 2, min(height, max(b[3] for b in boxes)) - 2
    chain.append(f"[{last}]crop={right - left}:{bottom - top}:{left}:{top},format=rgb24")
    subprocess.run([FFMPEG, "-y", "-loglevel", "error"] + inputs + ["-filter_complex", ";".join(chain), "-frames:v", "1", target], check=True)
    return re.sub(r"[_-][a-z]?[0-9]$", "", placed[0][0])


def gcompris():
    root = os.path.join(unpack("gcompris-qt-data"), "usr/share/gcompris-qt/rcc")
    res = os.path.join(WORK, "debs", "gcompris-resources")
    for activity in ("lang", "categorization", "explore_world_animals", "explore_farm_animals", "paintings"):
        if not os.path.isdir(os.path.join(res, activity)):
            qt_resources(os.path.join(root, activity + ".rcc"), os.path.join(res, activity))
    activities = os.path.join(res, "{0}/gcompris/src/activities/{0}/resource")
    rows = []
    for source in sorted(glob.glob(activities.format("lang") + "/words_sample/*.webp")):
        rows.append((source, "lang-" + os.path.basename(source)[:-5] + ".png", True, "gcompris-lang"))
    for folder in ("tools", "renewable", "monuments", "fishes", "others"):
        for source in sorted(glob.glob(activities.format("categorization") + f"/images/{folder}/*.webp")):
            rows.append((source, f"{folder}-" + os.path.basename(source)[:-5] + ".png", False, "gcompris-" + folder))
    for activity in ("explore_world_animals", "explore_farm_animals"):
        for source in sorted(glob.glob(activities.format(activity) + "/animals/*.webp")):
            rows.append((source, activity.split("_")[1] + "-" + os.path.basename(source)[:-5] + ".png", False, "gcompris-animals"))
    write_set("gcompris", rows)

    folder = os.path.join(WORK, "paintings")
    os.makedirs(folder, exist_ok=True)
    lines = ["file\tpresent\talso_acceptable\tgroup"]
    boards = activities.format("paintings")
    for board in sorted(glob.glob(boards + "/board/*.qml")):
        name = painting(board, boards + "/image", os.path.join(folder, "part.png"))
        os.replace(os.path.join(folder, "part.png"), os.path.join(folder, name + ".png"))
        painter = next((g for k, g in PAINTERS.items() if name.startswith(k)), name)
        lines.append(f"{name}.png\t{'' if name == 'Michelangelo_Pieta' else 'drawing'}\t\t{painter}")
    with open(os.path.join(folder, "labels.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("paintings", len(lines) - 1, "pictures")


if __name__ == "__main__":
    clipart()
    tux()
    mate()
    gcompris()
