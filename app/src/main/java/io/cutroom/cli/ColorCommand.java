package io.cutroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.color.ClipGrading;
import io.cutroom.color.ShotColor;
import io.cutroom.color.ShotColorJson;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.media.ProbeException;
import io.cutroom.media.render.CubeLut;
import io.cutroom.media.render.CubeLutWriter;
import io.cutroom.media.render.Grade;
import io.cutroom.usecases.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom color ID [--auto | --match REF_ID | --neutral-at SEC:X,Y] [manual settings] [--lut FILE.cube] [--export-lut FILE.cube]
 * [--reset] [--json]}: measures, sets, stores and prints a clip's grade. Renders use the stored grade.
 */
@Command(name = "color", description = "Auto white balance and exposure, shot match, manual grading and LUTs for a clip.")
final class ColorCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "ID", description = "Asset id, as printed by import and list.")
    long id;

    @Option(names = "--auto", description = "Measure every shot and store automatic white balance and exposure.")
    boolean auto;

    @Option(names = "--match", paramLabel = "REF_ID", description = "Match this clip's colour and exposure to another clip, as graded.")
    Long match;

    @Option(names = "--neutral-at", paramLabel = "SEC:X,Y", description = "The eyedropper: the area at X,Y (fractions"
            + " of the frame, 0..1) of the frame at SEC should be grey; its light becomes the clip's white balance.")
    String neutralAt;

    @Option(names = "--temperature", description = "Warm (+) or cool (-), -100..100.") Double temperature;
    @Option(names = "--tint", description = "Magenta (+) or green (-), -100..100.") Double tint;
    @Option(names = "--exposure", description = "Exposure in EV, -8..8.") Double exposure;
    @Option(names = "--contrast", description = "Contrast around middle grey, 0..4 (1 = unchanged).") Double contrast;
    @Option(names = "--saturation", description = "Saturation, 0..4 (1 = unchanged, 0 = monochrome).") Double saturation;
    @Option(names = "--lift", description = "Black level, -0.5..0.5.") Double lift;
    @Option(names = "--gamma", description = "Mid-tones, 0.1..10 (above 1 brightens).") Double gamma;
    @Option(names = "--gain", description = "White level, 0.25..4.") Double gain;

    @Option(names = "--lut", paramLabel = "FILE.cube", description = "Apply a 3D LUT after the grade (\"none\" removes it).")
    String lut;

    @Option(names = "--export-lut", paramLabel = "FILE.cube", description = "Write the grade as a 33-point 3D LUT for other editors.")
    Path exportLut;

    @Option(names = "--at", paramLabel = "SEC", description = "With --export-lut: include the automatic correction of the shot at this time.")
    Double at;

    @Option(names = "--reset", description = "Remove the stored grade.")
    boolean reset;

    @Option(names = "--json", description = "Print {assetId, source, grade, shots} as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((auto ? 1 : 0) + (match != null ? 1 : 0) + (neutralAt != null ? 1 : 0) > 1) {
            err.println("cutroom: choose one of --auto, --match and --neutral-at.");
            return CutroomCli.EXIT_ERROR;
        }
        double[] pick = null;
        if (neutralAt != null) {
            pick = parsePick(neutralAt);
            if (pick == null) {
                err.println("cutroom: --neutral-at takes SEC:X,Y, for example 12.5:0.40,0.62 (X and Y as fractions of the frame).");
                return CutroomCli.EXIT_ERROR;
            }
        }
        try (CatalogDb db = catalog.open()) {
            Asset asset = CatalogOptions.findOrSay(db, id, err);
            if (asset == null) {
                return CutroomCli.EXIT_ERROR;
            }
            Workspace workspace = new Workspace(db);
            ClipGrading grading = workspace.grading();
            List<ShotColor> shots = null;
            try (CommandContext ctx = CommandContext.open(err)) {
                if (reset) {
                    grading.reset(id);
                }
                if (auto) {
                    shots = workspace.grade(asset, null).job().run(ctx).shots();
                } else if (match != null) {
                    Asset reference = CatalogOptions.findOrSay(db, match, err);
                    if (reference == null) {
                        return CutroomCli.EXIT_ERROR;
                    }
                    shots = workspace.grade(asset, reference).job().run(ctx).shots();
                } else if (pick != null) {
                    grading.neutralAt(asset, pick[0], pick[1], pick[2], ctx);
                }
                ctx.clearBar();
                Grade grade = withManual(grading.current(id));
                if (grade != null) {
                    grading.saveManual(id, grade);
                }
                Grade stored = grading.current(id);
                if (exportLut != null) {
                    Grade look = at == null ? stored.withShots(null) : stored.at(at);
                    try {
                        CubeLutWriter.write(look, CubeLutWriter.DEFAULT_SIZE, exportLut, asset.fileName());
                    } catch (IOException e) {
                        err.println("cutroom: the LUT was not exported. " + ErrorSentence.of(e));
                        return CutroomCli.EXIT_ERROR;
                    }
                    err.println("wrote " + exportLut + (at == null && stored.shots() != null
                            ? " (the manual grade; add --at SEC to include a shot's automatic correction)" : ""));
                }
                print(out, grading, stored, shots);
                return 0;
            } catch (JobCancelledException e) {
                err.println("cutroom: cancelled; no new grade was stored.");
                return CutroomCli.EXIT_CANCELLED;
            } catch (ProbeException | IOException | IllegalArgumentException e) {
                err.println("cutroom: " + asset.fileName() + " could not be graded: " + ErrorSentence.of(e));
                return CutroomCli.EXIT_ERROR;
            }
        }
    }

    /** The stored grade with the manual options applied, or null when none was given. */
    private Grade withManual(Grade g) throws IOException {
        if (temperature == null && tint == null && exposure == null && contrast == null && saturation == null
                && lift == null && gamma == null && gain == null && lut == null) {
            return null;
        }
        String lutPath = g.lut();
        if (lut != null) {
            if (lut.equalsIgnoreCase("none")) {
                lutPath = null;
            } else {
                Path file = Path.of(lut).toAbsolutePath();
                CubeLut.read(file); // refuse a bad LUT now, not at render time
                lutPath = file.toString();
            }
        }
        return new Grade(or(exposure, g.exposure()), or(contrast, g.contrast()), or(saturation, g.saturation()),
                or(temperature, g.temperature()), or(tint, g.tint()), g.gains(), or(gamma, g.gamma()), lutPath,
                or(lift, g.lift()), or(gain, g.gain()), g.shots());
    }

    private void print(PrintWriter out, ClipGrading grading, Grade grade, List<ShotColor> shots) {
        String source = grading.stored(id).map(s -> s.source()).orElse("none");
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("assetId", id);
            m.put("source", source);
            m.put("grade", grade);
            m.put("shots", shots == null ? storedShots(grading) : ShotColorJson.of(shots));
            out.println(Json.write(m));
            return;
        }
        out.printf(Locale.ROOT, "grade of %d (%s): exposure %+.2f EV, contrast %.2f, saturation %.2f, temperature %+.0f,"
                        + " tint %+.0f, lift %+.3f, gamma %.2f, gain %.2f%s%n", id, source, grade.exposure(), grade.contrast(),
                grade.saturation(), grade.temperature(), grade.tint(), grade.lift(), grade.gamma(), grade.gain(),
                grade.lut() == null ? "" : ", LUT " + Path.of(grade.lut()).getFileName());
        if (!grade.gains().equals(Grade.NEUTRAL.gains())) {
            out.printf(Locale.ROOT, "white balance gains %.4f %.4f %.4f%n", grade.gains().get(0), grade.gains().get(1), grade.gains().get(2));
        }
        if (shots != null && grade.shots() != null && grade.shots().size() == shots.size()) {
            for (int i = 0; i < shots.size(); i++) {
                ShotColor s = shots.get(i);
                var applied = grade.shots().get(i);
                List<Double> g = applied.gains();
                out.printf(Locale.ROOT, "shot %3d %8.2f-%8.2f s  cast %5.1f°  confidence %.2f  gains %.3f %.3f %.3f"
                                + "  exposure %+.2f EV%n", s.shot().index(), s.shot().startSec(), s.shot().endSec(),
                        s.balance().estimate().angleFromNeutral(), s.balance().confidence(), g.get(0), g.get(1), g.get(2),
                        applied.exposure());
            }
        } else if (grade.shots() != null) {
            out.printf("%d shots carry automatic corrections (--json lists them).%n", grade.shots().size());
        }
    }

    private Object storedShots(ClipGrading grading) {
        return grading.stored(id).map(s -> s.analysis()).map(a -> {
            try {
                return (Object) new ObjectMapper().readTree(a);
            } catch (IOException e) {
                return null;
            }
        }).orElse(List.of());
    }

    /** SEC:X,Y as three numbers, or null when it does not read so. */
    static double[] parsePick(String text) {
        String[] timeAndPoint = text.strip().split(":");
        if (timeAndPoint.length != 2) {
            return null;
        }
        String[] xy = timeAndPoint[1].split(",");
        if (xy.length != 2) {
            return null;
        }
        try {
            double[] v = {Double.parseDouble(timeAndPoint[0].strip()), Double.parseDouble(xy[0].strip()), Double.parseDouble(xy[1].strip())};
            return Double.isFinite(v[0]) && Double.isFinite(v[1]) && Double.isFinite(v[2]) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
