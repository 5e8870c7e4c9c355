// Tap/drag recognition, release velocity and momentum scrolling, with time
// passed in as plain doubles.
#include "session/touch.h"
#include <catch2/catch.hpp>
#include <cmath>

using namespace ck;

namespace {

TouchTracker MakeTracker(float threshold = 12.0f)
{
    TouchSettings settings;
    settings.drag_threshold_px = threshold;
    return TouchTracker(settings);
}

// Moves the finger from (x, y0) to (x, y1) over `seconds`, one event every `step`.
void SwipeY(TouchTracker& tracker, float x, float y0, float y1, double t0, double seconds, double step)
{
    const int n = static_cast<int>(std::lround(seconds / step));
    for (int i = 1; i <= n; ++i) {
        const double f = static_cast<double>(i) / n;
        tracker.Move(x, static_cast<float>(y0 + (y1 - y0) * f), t0 + seconds * f);
    }
}

// Runs the scroller at `hz` until it stops; returns the time it took.
double RunUntilStopped(MomentumScroller& scroller, double t0, double hz, double limit = 10.0)
{
    double t = t0;
    while (t - t0 < limit) {
        t += 1.0 / hz;
        if (!scroller.Update(t))
            break;
    }
    return t - t0;
}

} // namespace

// ---------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------

TEST_CASE("millimetres to pixels")
{
    CHECK(MillimetresToPixels(25.4f, 96.0f) == Approx(96.0f));
    CHECK(MillimetresToPixels(2.0f, 160.0f) == Approx(12.598f).epsilon(0.001));
    CHECK(MillimetresToPixels(25.4f, 0.0f) == Approx(96.0f));      // unknown DPI
    CHECK(MillimetresToPixels(25.4f, 1.0e6f) == Approx(96.0f));    // absurd DPI
}

// ---------------------------------------------------------------------------
// Tap versus drag
// ---------------------------------------------------------------------------

TEST_CASE("a press and release in place is a tap at the press position")
{
    TouchTracker tracker = MakeTracker();
    tracker.NewFrame();
    tracker.Press(100.0f, 200.0f, 1.0);
    CHECK(tracker.State() == TouchState::Pressed);
    CHECK(tracker.IsDown());
    CHECK(tracker.PressPosition().x == 100.0f);
    CHECK(tracker.PressPosition().y == 200.0f);
    CHECK_FALSE(tracker.Tapped());

    tracker.NewFrame();
    tracker.Move(105.0f, 203.0f, 1.05);   // jitter within the threshold
    tracker.Release(106.0f, 204.0f, 1.1);
    CHECK(tracker.Tapped());
    CHECK(tracker.TapPosition().x == 100.0f);
    CHECK(tracker.TapPosition().y == 200.0f);
    CHECK_FALSE(tracker.ReleasedDrag());
    CHECK(tracker.State() == TouchState::Idle);

    tracker.NewFrame();   // the tap is reported for one frame only
    CHECK_FALSE(tracker.Tapped());
}

TEST_CASE("moving past the threshold makes a drag, which never taps")
{
    TouchTracker tracker = MakeTracker(12.0f);
    tracker.NewFrame();
    tracker.Press(100.0f, 200.0f, 0.0);
    tracker.Move(100.0f, 211.0f, 0.02);
    CHECK(tracker.State() == TouchState::Pressed);
    tracker.Move(100.0f, 215.0f, 0.04);
    CHECK(tracker.State() == TouchState::Dragging);
    // The content follows from the threshold crossing: no jump of 12 px.
    CHECK(tracker.FrameDelta().y == Approx(3.0f));

    tracker.NewFrame();
    tracker.Move(100.0f, 205.0f, 0.06);   // back within the threshold: still a drag
    CHECK(tracker.State() == TouchState::Dragging);
    CHECK(tracker.FrameDelta().y == Approx(-10.0f));
    tracker.Release(100.0f, 200.0f, 0.5);
    CHECK_FALSE(tracker.Tapped());
    CHECK(tracker.ReleasedDrag());
    CHECK(tracker.DragTotal().y == Approx(-12.0f));
}

TEST_CASE("a release far from the press with no moves in between is a drag")
{
    TouchTracker tracker = MakeTracker(12.0f);
    tracker.NewFrame();
    tracker.Press(100.0f, 100.0f, 0.0);
    tracker.Release(100.0f, 300.0f, 0.1);
    CHECK_FALSE(tracker.Tapped());
    CHECK(tracker.ReleasedDrag());
}

TEST_CASE("the threshold is configurable")
{
    TouchTracker tracker = MakeTracker(MillimetresToPixels(2.0f, 254.0f));   // 20 px
    tracker.Press(0.0f, 0.0f, 0.0);
    tracker.Move(0.0f, 19.0f, 0.1);
    CHECK(tracker.State() == TouchState::Pressed);
    tracker.Move(0.0f, 21.0f, 0.2);
    CHECK(tracker.State() == TouchState::Dragging);
}

// At 96 dpi: 2 mm = 7.6 px, 4 mm = 15.1 px, 5 mm = 18.9 px.
static TouchTracker ShakyHandTracker(bool scrollable)
{
    TouchSettings settings;
    settings.drag_threshold_px = MillimetresToPixels(kDefaultDragThresholdMm, 96.0f);
    settings.tap_slop_px = MillimetresToPixels(kDefaultTapSlopMm, 96.0f);
    settings.scrollable_y = scrollable;
    return TouchTracker(settings);
}

// A trembling finger: 4 mm away and back, in both directions, for 0.4 s.
static void Wobble(TouchTracker& tracker, float x, float y, double t)
{
    const float r = MillimetresToPixels(4.0f, 96.0f);
    const float path[][2] = {{r, 0}, {0, r}, {-r, 0}, {0, -r}, {r * 0.7f, r * 0.7f}, {-r * 0.7f, -r * 0.7f}, {0, 0}};
    tracker.Press(x, y, t);
    for (const auto& step : path) {
        t += 0.05;
        tracker.Move(x + step[0], y + step[1], t);
    }
    tracker.Release(x, y, t + 0.05);
}

TEST_CASE("a 4 mm wobble is still a tap where nothing scrolls")
{
    TouchTracker tracker = ShakyHandTracker(false);
    tracker.NewFrame();
    Wobble(tracker, 300.0f, 400.0f, 0.0);
    CHECK(tracker.Tapped());
    CHECK(tracker.TapPosition().x == 300.0f);
    CHECK(tracker.TapPosition().y == 400.0f);
}

TEST_CASE("on a page that scrolls, a sideways wobble is a tap and a 4 mm pull is a drag")
{
    const float r = MillimetresToPixels(4.0f, 96.0f);
    TouchTracker tracker = ShakyHandTracker(true);
    tracker.NewFrame();
    tracker.Press(300.0f, 400.0f, 0.0);
    tracker.Move(300.0f + r, 401.0f, 0.05);
    tracker.Move(300.0f - r, 399.0f, 0.10);
    tracker.Release(300.0f, 400.0f, 0.15);
    CHECK(tracker.Tapped());

    tracker.NewFrame();
    tracker.Press(300.0f, 400.0f, 1.0);
    for (int i = 1; i <= 4; i++)
        tracker.Move(300.0f, 400.0f - r * float(i) / 4.0f, 1.0 + 0.05 * i);
    CHECK(tracker.State() == TouchState::Dragging);
    tracker.Release(300.0f, 400.0f - r, 1.25);
    CHECK_FALSE(tracker.Tapped());
    CHECK(tracker.ReleasedDrag());
    // The content moves by what lies beyond the 2 mm threshold, no jump.
    CHECK(tracker.DragTotal().y == Approx(-(r - MillimetresToPixels(2.0f, 96.0f))).margin(0.01));
}

TEST_CASE("past the 5 mm slop any movement is a drag, scrollable or not")
{
    for (bool scrollable : {false, true}) {
        TouchTracker tracker = ShakyHandTracker(scrollable);
        tracker.NewFrame();
        tracker.Press(300.0f, 400.0f, 0.0);
        tracker.Move(300.0f + MillimetresToPixels(5.5f, 96.0f), 400.0f, 0.1);
        CHECK(tracker.State() == TouchState::Dragging);
        tracker.Release(300.0f, 400.0f, 0.2);
        CHECK_FALSE(tracker.Tapped());
    }
}

TEST_CASE("Cancel ends the gesture with neither tap nor fling")
{
    TouchTracker tracker = MakeTracker();
    tracker.NewFrame();
    tracker.Press(10.0f, 10.0f, 0.0);
    tracker.Cancel();
    CHECK(tracker.State() == TouchState::Idle);
    tracker.Release(10.0f, 10.0f, 0.1);   // ignored: nothing is down
    CHECK_FALSE(tracker.Tapped());
    CHECK_FALSE(tracker.ReleasedDrag());
}

TEST_CASE("moves without a press are ignored")
{
    TouchTracker tracker = MakeTracker();
    tracker.NewFrame();
    tracker.Move(10.0f, 500.0f, 0.0);
    CHECK(tracker.State() == TouchState::Idle);
    CHECK(tracker.FrameDelta().y == 0.0f);
}

// ---------------------------------------------------------------------------
// Velocity
// ---------------------------------------------------------------------------

TEST_CASE("release velocity comes from the last 100 ms")
{
    TouchTracker tracker = MakeTracker();
    tracker.NewFrame();
    tracker.Press(0.0f, 1000.0f, 0.0);
    // Slow for 0.5 s (200 px/s), then fast for the last 0.1 s (-2000 px/s... upwards).
    SwipeY(tracker, 0.0f, 1000.0f, 900.0f, 0.0, 0.5, 1.0 / 60.0);
    SwipeY(tracker, 0.0f, 900.0f, 700.0f, 0.5, 0.1, 1.0 / 60.0);
    tracker.Release(0.0f, 700.0f, 0.6);
    REQUIRE(tracker.ReleasedDrag());
    CHECK(tracker.ReleaseVelocity().y == Approx(-2000.0f).epsilon(0.05));
    CHECK(tracker.ReleaseVelocity().x == Approx(0.0f).margin(1.0f));
}

TEST_CASE("velocity estimate at a steady speed, at several event rates")
{
    for (double hz : {30.0, 60.0, 120.0, 240.0}) {
        TouchTracker tracker = MakeTracker();
        tracker.Press(0.0f, 0.0f, 0.0);
        SwipeY(tracker, 0.0f, 0.0f, 600.0f, 0.0, 0.5, 1.0 / hz);   // 1200 px/s
        tracker.Release(0.0f, 600.0f, 0.5);
        INFO("event rate " << hz);
        CHECK(tracker.ReleaseVelocity().y == Approx(1200.0f).epsilon(0.02));
    }
}

TEST_CASE("a pause before lifting gives no fling")
{
    TouchTracker tracker = MakeTracker();
    tracker.Press(0.0f, 800.0f, 0.0);
    SwipeY(tracker, 0.0f, 800.0f, 300.0f, 0.0, 0.2, 1.0 / 60.0);   // fast swipe
    tracker.Release(0.0f, 300.0f, 0.45);                         // held still 250 ms
    REQUIRE(tracker.ReleasedDrag());
    CHECK(tracker.ReleaseVelocity().y == 0.0f);

    // Same with a device that keeps reporting the resting position.
    TouchTracker chatty = MakeTracker();
    chatty.Press(0.0f, 800.0f, 0.0);
    SwipeY(chatty, 0.0f, 800.0f, 300.0f, 0.0, 0.2, 1.0 / 60.0);
    for (int i = 1; i <= 15; ++i)
        chatty.Move(0.0f, 300.0f, 0.2 + i / 60.0);
    chatty.Release(0.0f, 300.0f, 0.2 + 16 / 60.0);
    CHECK(chatty.ReleaseVelocity().y == Approx(0.0f).margin(1.0f));
}

TEST_CASE("velocity is capped")
{
    TouchSettings settings;
    settings.max_speed = 5000.0f;
    TouchTracker tracker(settings);
    tracker.Press(0.0f, 0.0f, 0.0);
    tracker.Move(0.0f, 500.0f, 0.01);
    tracker.Release(0.0f, 1000.0f, 0.02);   // 50 000 px/s
    CHECK(tracker.ReleaseVelocity().y == Approx(5000.0f));
}

// ---------------------------------------------------------------------------
// MomentumScroller
// ---------------------------------------------------------------------------

TEST_CASE("dragging moves the content exactly with the finger and clamps at the ends")
{
    MomentumScroller scroller;
    scroller.SetMaxOffset(1000.0f);
    scroller.DragBy(-150.0f);   // finger up: content scrolls down the page
    CHECK(scroller.Offset() == 150.0f);
    scroller.DragBy(40.0f);
    CHECK(scroller.Offset() == 110.0f);
    scroller.DragBy(500.0f);
    CHECK(scroller.Offset() == 0.0f);
    scroller.DragBy(-5000.0f);
    CHECK(scroller.Offset() == 1000.0f);
}

TEST_CASE("momentum decelerates monotonically and stops in bounded time")
{
    MomentumScroller scroller;
    scroller.SetMaxOffset(100000.0f);
    scroller.ScrollTo(50000.0f);
    scroller.Release(-3000.0f, 10.0);   // finger flicked up at 3000 px/s
    REQUIRE(scroller.Animating());

    float last_offset = scroller.Offset();
    float last_speed = 3000.0f;
    double t = 10.0;
    int frames = 0;
    while (scroller.Update(t += 1.0 / 60.0)) {
        CHECK(scroller.Offset() > last_offset);            // keeps going the same way
        CHECK(std::fabs(scroller.Velocity()) < last_speed); // always slower
        last_offset = scroller.Offset();
        last_speed = std::fabs(scroller.Velocity());
        REQUIRE(++frames < 600);
    }
    // tau * ln(3000 / 10) ~ 1.85 s
    CHECK(t - 10.0 == Approx(1.85).margin(0.05));
    // Total travel approaches v0 * tau = 975 px.
    CHECK(scroller.Offset() - 50000.0f == Approx(975.0f).margin(10.0f));
    CHECK_FALSE(scroller.Animating());
    CHECK(scroller.Velocity() == 0.0f);
}

TEST_CASE("momentum stops cleanly at the ends and never leaves [0, max]")
{
    MomentumScroller scroller;
    scroller.SetMaxOffset(500.0f);
    scroller.ScrollTo(400.0f);
    scroller.Release(-6000.0f, 0.0);   // heading past the bottom
    double t = 0.0;
    while (scroller.Update(t += 1.0 / 60.0)) {
        CHECK(scroller.Offset() >= 0.0f);
        CHECK(scroller.Offset() <= 500.0f);
    }
    CHECK(scroller.Offset() == 500.0f);
    CHECK(t < 0.2);   // stopped on reaching the end, no bounce

    scroller.Release(6000.0f, 1.0);   // back towards the top
    t = 1.0;
    while (scroller.Update(t += 1.0 / 60.0)) {
        CHECK(scroller.Offset() >= 0.0f);
        CHECK(scroller.Offset() <= 500.0f);
    }
    CHECK(scroller.Offset() == 0.0f);

    scroller.Release(6000.0f, 2.0);   // already at the top, flicking further: nothing
    CHECK_FALSE(scroller.Animating());
}

TEST_CASE("slow releases do not start momentum")
{
    MomentumScroller scroller;
    scroller.SetMaxOffset(1000.0f);
    scroller.ScrollTo(500.0f);
    scroller.Release(20.0f, 0.0);
    CHECK_FALSE(scroller.Animating());
    CHECK_FALSE(scroller.Update(0.1));
    CHECK(scroller.Offset() == 500.0f);
}

TEST_CASE("a new press stops momentum at once")
{
    MomentumScroller scroller;
    scroller.SetMaxOffset(10000.0f);
    scroller.ScrollTo(5000.0f);
    scroller.Release(-2000.0f, 0.0);
    scroller.Update(0.1);
    const float held = scroller.Offset();
    CHECK(held > 5000.0f);
    scroller.Stop();
    CHECK_FALSE(scroller.Animating());
    CHECK_FALSE(scroller.Update(0.5));
    CHECK(scroller.Offset() == held);

    scroller.Release(-2000.0f, 1.0);
    scroller.Update(1.1);
    scroller.DragBy(0.0f);   // the finger is down again
    CHECK_FALSE(scroller.Animating());
}

TEST_CASE("momentum is frame-rate independent")
{
    float finals[2] = {};
    const double rates[2] = {60.0, 20.0};
    for (int i = 0; i < 2; ++i) {
        MomentumScroller scroller;
        scroller.SetMaxOffset(20000.0f);
        scroller.ScrollTo(10000.0f);
        scroller.Release(2500.0f, 3.0);
        RunUntilStopped(scroller, 3.0, rates[i]);
        finals[i] = scroller.Offset();
    }
    CHECK(finals[0] < 10000.0f);
    CHECK(finals[0] == Approx(finals[1]).margin(1.0f));

    // Halfway through, both rates agree as well.
    MomentumScroller a, b;
    for (MomentumScroller* s : {&a, &b}) {
        s->SetMaxOffset(20000.0f);
        s->ScrollTo(10000.0f);
        s->Release(2500.0f, 0.0);
    }
    for (int f = 1; f <= 30; ++f)
        a.Update(f / 60.0);
    for (int f = 1; f <= 10; ++f)
        b.Update(f / 20.0);
    CHECK(a.Offset() == Approx(b.Offset()).margin(0.5f));
}

TEST_CASE("layout changes clamp the offset")
{
    MomentumScroller scroller;
    scroller.SetMaxOffset(2000.0f);
    scroller.ScrollTo(1800.0f);
    scroller.SetMaxOffset(1200.0f);
    CHECK(scroller.Offset() == 1200.0f);
    scroller.SetMaxOffset(-50.0f);   // content shorter than the view
    CHECK(scroller.MaxOffset() == 0.0f);
    CHECK(scroller.Offset() == 0.0f);
    scroller.ScrollTo(300.0f);
    CHECK(scroller.Offset() == 0.0f);
}

TEST_CASE("tracker and scroller together: a flick scrolls on after release")
{
    TouchTracker tracker = MakeTracker();
    MomentumScroller scroller;
    scroller.SetMaxOffset(5000.0f);

    tracker.NewFrame();
    tracker.Press(300.0f, 900.0f, 0.0);
    scroller.Stop();
    for (int f = 1; f <= 12; ++f) {
        tracker.NewFrame();
        tracker.Move(300.0f, 900.0f - 25.0f * f, f / 60.0);   // 1500 px/s upwards
        if (tracker.State() == TouchState::Dragging)
            scroller.DragBy(tracker.FrameDelta().y);
    }
    tracker.NewFrame();
    tracker.Release(300.0f, 600.0f, 12 / 60.0);
    scroller.DragBy(tracker.FrameDelta().y);
    REQUIRE(tracker.ReleasedDrag());
    // Content followed the finger minus the 12 px threshold.
    CHECK(scroller.Offset() == Approx(300.0f - 12.0f));
    scroller.Release(tracker.ReleaseVelocity().y, 12 / 60.0);
    CHECK(scroller.Animating());
    RunUntilStopped(scroller, 12 / 60.0, 60.0);
    CHECK(scroller.Offset() > 288.0f + 400.0f);
}
