package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CropWindow;
import io.cutroom.media.render.Fill;
import io.cutroom.media.shots.Shot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The camera plan on known subject paths: steady, pan, track, dead zone, cuts, and who is left out. */
class CameraPlannerTest {
    private static final int W = 1920;
    private static final int H = 1080;
    private static final double WINDOW = (9.0 / 16) / (16.0 / 9); // a 9:16 window's width, in frame widths

    /** A face-sized subject whose left edge follows {@code path}, seen four times a second. */
    private static List<FrameSignals> subject(double from, double to, DoubleUnaryOperator path) {
        List<FrameSignals> out = new ArrayList<>();
        for (double t = from; t < to; t += 0.25) {
            out.add(new FrameSignals(t, List.of(new Subject(Subject.Kind.FACE, path.applyAsDouble(t), 0.3, 0.1, 0.2, 0.9))));
        }
        return out;
    }

    private static CameraPlanner.Plan plan(List<Shot> shots, List<FrameSignals> signals) {
        return CameraPlanner.plan(W, H, AspectRatio.VERTICAL, shots, signals, MotionStyle.DEFAULT);
    }

    @Test
    void aStillSubjectGetsAStillWindowThatHoldsIt() {
        CameraPlanner.Plan plan = plan(List.of(new Shot(0, 0, 4)), subject(0, 4, t -> 0.12 + 0.01 * Math.sin(t * 7)));
        assertThat(plan.shots()).singleElement().extracting(ShotPlan::mode).isEqualTo(ShotPlan.Mode.STEADY);
        CropTrack track = plan.track();
        double x = track.windowAt(0).x();
        for (double t = 0; t < 4; t += 0.1) {
            assertThat(track.windowAt(t).x()).isEqualTo(x);
            assertThat(track.windowAt(t).x()).isLessThanOrEqualTo(0.11).isGreaterThanOrEqualTo(0.23 - WINDOW);
        }
    }

    @Test
    void aSteadySweepIsAPanAndAnIrregularPathIsTracked() {
        CameraPlanner.Plan pan = plan(List.of(new Shot(0, 0, 4)), subject(0, 4, t -> 0.2 + 0.1 * t));
        assertThat(pan.shots().get(0).mode()).isEqualTo(ShotPlan.Mode.PAN);
        CameraPlanner.Plan zigzag = plan(List.of(new Shot(0, 0, 6)),
                subject(0, 6, t -> t < 2 ? 0.1 + 0.25 * t : t < 4 ? 0.6 - 0.2 * (t - 2) : 0.2 + 0.17 * (t - 4)));
        assertThat(zigzag.shots().get(0).mode()).isEqualTo(ShotPlan.Mode.TRACK);
        List<CropTrack.Keyframe> k = zigzag.track().keyframes();
        for (int i = 1; i < k.size(); i++) {
            double dt = k.get(i).t() - k.get(i - 1).t();
            if (dt > 0.05) {
                double speed = Math.abs(k.get(i).window().x() - k.get(i - 1).window().x()) / dt;
                assertThat(speed).as("speed at %.2f s", k.get(i).t()).isLessThanOrEqualTo(MotionStyle.DEFAULT.maxSpeed() * 1.5);
            }
        }
    }

    @Test
    void theWindowJumpsAtACutAndNothingIsSmoothedAcrossIt() {
        List<FrameSignals> signals = new ArrayList<>(subject(0, 3, t -> 0.05));
        signals.addAll(subject(3, 6, t -> 0.75));
        CropTrack track = plan(List.of(new Shot(0, 0, 3), new Shot(1, 3, 6)), signals).track();
        double before = track.windowAt(2.995).x();
        double after = track.windowAt(3.0).x();
        assertThat(track.windowAt(1.0).x()).isEqualTo(before);
        assertThat(after - before).isGreaterThan(0.5);
        assertThat(track.windowAt(5.0).x()).isEqualTo(after);
    }

    @Test
    void whenTwoPeopleDoNotFitTheMoreImportantIsKeptAndTheOtherIsReported() {
        List<FrameSignals> signals = new ArrayList<>();
        for (double t = 0; t < 3; t += 0.25) {
            signals.add(new FrameSignals(t, List.of(new Subject(Subject.Kind.FACE, 0.05, 0.3, 0.12, 0.25, 0.9),
                    new Subject(Subject.Kind.FACE, 0.8, 0.3, 0.06, 0.12, 0.4))));
        }
        CameraPlanner.Plan plan = plan(List.of(new Shot(0, 0, 3)), signals);
        assertThat(plan.shots().get(0).framesWithDroppedSubjects()).isEqualTo(signals.size());
        assertThat(plan.track().windowAt(1).x()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aLockedSubjectIsFollowedEvenWhenSomeoneMoreImportantCrossesIt() {
        List<FrameSignals> signals = new ArrayList<>();
        for (double t = 0; t < 4; t += 0.25) {
            double a = 0.05 + 0.15 * t; // the editor's choice walks right
            double b = 0.85 - 0.15 * t; // a bigger face walks left, and would win without the lock
            signals.add(new FrameSignals(t, List.of(new Subject(Subject.Kind.PERSON, a, 0.3, 0.08, 0.3, 0.3),
                    new Subject(Subject.Kind.FACE, b, 0.3, 0.08, 0.15, 0.9))));
        }
        List<Shot> shot = List.of(new Shot(0, 0, 4));
        CropTrack free = CameraPlanner.plan(W, H, AspectRatio.VERTICAL, shot, signals, MotionStyle.DEFAULT).track();
        CropTrack locked = CameraPlanner.plan(W, H, AspectRatio.VERTICAL, shot, signals, MotionStyle.DEFAULT, List.of(),
                List.of(new SubjectLock(0, 0.09, 0.45))).track();
        double end = 3.75;
        double followed = 0.05 + 0.15 * end;
        double other = 0.85 - 0.15 * end;
        assertThat(holds(free, end, other, 0.08)).isTrue();
        assertThat(holds(free, end, followed, 0.08)).isFalse();
        assertThat(holds(locked, end, followed, 0.08)).isTrue();
        assertThat(holds(locked, end, other, 0.08)).isFalse();
    }

    /** Whether the window at {@code t} holds the whole width of a subject from {@code x} to {@code x + w}. */
    private static boolean holds(CropTrack track, double t, double x, double w) {
        return track.windowAt(t).x() <= x + 1e-6 && track.windowAt(t).x() + track.windowAt(t).w() >= x + w - 1e-6;
    }

    @Test
    void twoPeopleTooFarApartWidenTheShotUpToTheLimitAndOnlyWhenAllowed() {
        List<FrameSignals> signals = new ArrayList<>();
        for (double t = 0; t < 3; t += 0.04) {
            signals.add(new FrameSignals(t, List.of(new Subject(Subject.Kind.PERSON, 0.05, 0.2, 0.1, 0.6, 0.5),
                    new Subject(Subject.Kind.PERSON, 0.85, 0.2, 0.1, 0.6, 0.4))));
        }
        List<Shot> shot = List.of(new Shot(0, 0, 3));
        CameraPlanner.Plan off = CameraPlanner.plan(W, H, AspectRatio.VERTICAL, shot, signals, MotionStyle.DEFAULT);
        assertThat(off.shots().get(0).wasWidened()).isFalse();
        assertThat(off.shots().get(0).framesWithDroppedSubjects()).isEqualTo(signals.size());

        CameraPlanner.Plan full = CameraPlanner.plan(W, H, AspectRatio.VERTICAL, shot, signals, MotionStyle.DEFAULT, List.of(),
                List.of(), new Widening(Double.POSITIVE_INFINITY, Fill.PAD));
        assertThat(full.shots().get(0).wasWidened()).isTrue();
        assertThat(full.shots().get(0).framesWithDroppedSubjects()).isZero();
        assertThat(full.track().fill()).isEqualTo(Fill.PAD);
        CropWindow at = full.track().windowAt(1.5);
        assertThat(at.x()).isLessThanOrEqualTo(0.05);
        assertThat(at.x() + at.w()).isGreaterThanOrEqualTo(0.95);
        assertThat(at.pixelAspect(W, H)).isCloseTo(9.0 / 16, org.assertj.core.data.Offset.offset(0.01));

        CameraPlanner.Plan half = CameraPlanner.plan(W, H, AspectRatio.VERTICAL, shot, signals, MotionStyle.DEFAULT, List.of(),
                List.of(), new Widening(1.5, Fill.BLUR));
        assertThat(half.shots().get(0).widened()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(half.track().windowAt(1.5).w()).isCloseTo(1.5 * WINDOW, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void whatWasLeftOutIsNamedAndAThingSomeoneHoldsCountsAsMuchAsThem() {
        List<FrameSignals> signals = new ArrayList<>();
        for (double t = 0; t < 2; t += 0.04) {
            signals.add(new FrameSignals(t, List.of(new Subject(Subject.Kind.PERSON, 0.05, 0.2, 0.1, 0.6, 0.5, "person"),
                    new Subject(Subject.Kind.ANIMAL, 0.8, 0.5, 0.1, 0.3, 0.3, "dog"))));
        }
        ShotPlan shot = plan(List.of(new Shot(0, 0, 2)), signals).shots().get(0);
        assertThat(shot.leftOutName()).isEqualTo("the dog");
        assertThat(ShotPlan.leftOutAcross(List.of(shot, new ShotPlan(1, 2, 3, ShotPlan.Mode.STEADY, 3, 5))))
                .isEqualTo("the dog or someone");

        Subject hand = new Subject(Subject.Kind.PERSON, 0.4, 0.3, 0.2, 0.4, 0.5, "person");
        Subject cup = new Subject(Subject.Kind.OBJECT, 0.45, 0.35, 0.05, 0.08, 0.1, "cup");
        Subject table = new Subject(Subject.Kind.OBJECT, 0.7, 0.7, 0.2, 0.2, 0.1, "dining table");
        List<Subject> seen = SignalAnalyzer.held(List.of(hand, cup, table));
        assertThat(seen.get(1).importance()).as("the cup in the hand").isEqualTo(0.5);
        assertThat(seen.get(2).importance()).as("the table beside").isEqualTo(0.1);
        assertThat(seen.get(1).name()).isEqualTo("the cup");
    }

    @Test
    void nothingSeenMeansTheCentre() {
        List<FrameSignals> empty = List.of(new FrameSignals(0, List.of()), new FrameSignals(1, List.of()));
        CropTrack track = plan(List.of(new Shot(0, 0, 2)), empty).track();
        assertThat(track.windowAt(1).x() + WINDOW / 2).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    }
}
