// Touch gestures as pure logic: a pointer tracker that tells taps from drags
// and measures the finger's velocity, and a momentum scroller that carries
// the content on after the finger lifts. Time is passed in (seconds on any
// monotonic clock) and positions are pixels, so tests drive both with fake
// clocks and the kiosk feeds them from GLFW or from an input script.
//
// Typical frame in the app:
//   tracker.NewFrame();
//   for each pointer event: tracker.Press/Move/Release(x, y, t)
//                           (on Press also scroller.Stop())
//   if (tracker.State() == TouchState::Dragging) scroller.DragBy(tracker.FrameDelta().y);
//   if (tracker.ReleasedDrag()) scroller.Release(tracker.ReleaseVelocity().y, now);
//   if (tracker.Tapped()) ... hit-test tracker.TapPosition() ...
//   keep_drawing |= scroller.Update(now);
#pragma once
#include <deque>

namespace ck {

struct Vec2f {
    float x = 0.0f;
    float y = 0.0f;
};

// Along a direction the content can scroll, 2 mm moving away from where the
// finger went down starts a drag: scrolling must feel immediate.
constexpr float kDefaultDragThresholdMm = 2.0f;
// In any other direction, or when nothing can scroll, a press may wander
// this far and still be a tap: an older or trembling hand moves 2-4 mm while
// it taps, and that must not lose the tap.
constexpr float kDefaultTapSlopMm = 5.0f;

// Converts a physical length to pixels; a missing or absurd DPI counts as 96.
float MillimetresToPixels(float mm, float dpi);

// ---------------------------------------------------------------------------
// [SECTION] TouchTracker
// ---------------------------------------------------------------------------

enum class TouchState {
    Idle,       // no finger down
    Pressed,    // finger down, not yet a drag (may become a tap)
    Dragging,   // a drag until release, never a tap: moved past the drag
                // threshold along a scrollable direction, or past the tap slop
};

struct TouchSettings {
    float drag_threshold_px = 12.0f;   // use MillimetresToPixels(kDefaultDragThresholdMm, dpi)
    float tap_slop_px = 30.0f;         // use MillimetresToPixels(kDefaultTapSlopMm, dpi)
    bool scrollable_y = true;          // the content under the finger can scroll vertically
    double velocity_window = 0.1;      // seconds of samples the release velocity looks at
    float max_speed = 8000.0f;         // px/s; caps flings from jittery timestamps
};

class TouchTracker {
public:
    explicit TouchTracker(TouchSettings settings = TouchSettings()) : settings_(settings) {}
    void SetSettings(const TouchSettings& settings) { settings_ = settings; }
    const TouchSettings& Settings() const { return settings_; }

    // Clears the per-frame results (tap, release, frame delta). Call once per
    // frame before feeding that frame's events.
    void NewFrame();

    // A Press while already down restarts the gesture. Move and Release
    // without a Press are ignored.
    void Press(float x, float y, double t);
    void Move(float x, float y, double t);
    void Release(float x, float y, double t);
    // The gesture ends with no tap and no fling (window lost focus, etc.).
    void Cancel();

    TouchState State() const { return state_; }
    bool IsDown() const { return state_ != TouchState::Idle; }
    // Where the finger went down, for immediate pressed feedback.
    Vec2f PressPosition() const { return press_; }
    Vec2f Position() const { return last_; }

    // Drag movement since NewFrame (only counts while dragging). The drag
    // starts where the finger crossed the threshold, so content never jumps
    // by the threshold distance.
    Vec2f FrameDelta() const { return frame_delta_; }
    // Drag movement since the drag started.
    Vec2f DragTotal() const;

    // True in the frame a release ended a press that never became a drag.
    bool Tapped() const { return tapped_; }
    Vec2f TapPosition() const { return press_; }
    // True in the frame a drag ended; ReleaseVelocity() is then the fling.
    bool ReleasedDrag() const { return released_drag_; }
    // Finger velocity in px/s at the last release (0 after a pause before lifting).
    Vec2f ReleaseVelocity() const { return release_velocity_; }
    // Velocity estimated from the samples of the last window up to time t.
    Vec2f EstimateVelocity(double t) const;

private:
    struct Sample {
        double t;
        float x;
        float y;
    };
    void AddSample(float x, float y, double t);

    TouchSettings settings_;
    TouchState state_ = TouchState::Idle;
    Vec2f press_;
    Vec2f last_;
    Vec2f drag_origin_;
    Vec2f frame_delta_;
    Vec2f release_velocity_;
    bool tapped_ = false;
    bool released_drag_ = false;
    std::deque<Sample> samples_;
};

// ---------------------------------------------------------------------------
// [SECTION] MomentumScroller
// ---------------------------------------------------------------------------

struct MomentumSettings {
    double time_constant = 0.325;   // seconds; velocity falls as exp(-t / time_constant)
    float stop_speed = 10.0f;       // px/s; slower than this the content stops
    float min_fling_speed = 50.0f;  // px/s; slower releases do not start momentum
    float max_speed = 8000.0f;      // px/s
};

// Scroll offset in [0, max_offset] (0 = top). Finger movement is given as the
// finger moved: dragging the finger up (negative dy) scrolls the content up,
// i.e. increases the offset. The ends are a clean clamp: no rubber band, so
// nothing can bounce forever.
class MomentumScroller {
public:
    explicit MomentumScroller(MomentumSettings settings = MomentumSettings()) : settings_(settings) {}

    float Offset() const { return offset_; }
    float MaxOffset() const { return max_offset_; }
    // Layout changed: clamps the offset (and stops momentum that hit the end).
    void SetMaxOffset(float max_offset);
    // Jumps to `offset` (clamped) and stops momentum.
    void ScrollTo(float offset);

    // The finger moved by `finger_dy` while down: the content follows exactly.
    void DragBy(float finger_dy);
    // The finger lifted moving at `finger_velocity` px/s: starts momentum at `now`.
    void Release(float finger_velocity, double now);
    // Stops momentum at once (a new press).
    void Stop();

    // Advances momentum to `now`. Returns true while still animating, so the
    // app keeps drawing frames only then. The motion is computed in closed
    // form from the release, so it does not depend on the frame rate.
    bool Update(double now);
    bool Animating() const { return animating_; }
    // Current content velocity in px/s (offset units), 0 when still.
    float Velocity() const { return animating_ ? velocity_ : 0.0f; }

private:
    MomentumSettings settings_;
    float offset_ = 0.0f;
    float max_offset_ = 0.0f;
    bool animating_ = false;
    float velocity_ = 0.0f;       // at the last Update
    float start_offset_ = 0.0f;   // momentum start
    float start_velocity_ = 0.0f;
    double start_time_ = 0.0;
    double stop_after_ = 0.0;     // seconds after start_time_ when speed drops below stop_speed
};

} // namespace ck
