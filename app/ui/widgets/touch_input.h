// Touch input as the screens see it: taps and scrolls from pointer events
// (a touch screen under X arrives as the left mouse button; input scripts
// produce the same events), fed into the core gesture recogniser
// (core/touch.h). Events carry their own positions and times, so a quick
// press-move-release between two frames is still told apart correctly. A press that moves further than
// ~2 mm becomes a scroll and never activates what it started on; a press
// released within that is a tap. Screens draw a pressed look from
// `down && !dragging` and act only on `tapped`.
#pragma once
#include "session/script.h"
#include "session/touch.h"
#include <vector>

namespace ck::ui {

struct PointerState {
    bool down = false;          // finger (left button) is down
    bool dragging = false;      // this press turned into a scroll
    float press_x = 0, press_y = 0;
    float x = 0, y = 0;
    bool tapped = false;        // a tap completed this frame, at tap_x/tap_y
    float tap_x = 0, tap_y = 0;
    float drag_dx = 0, drag_dy = 0;   // how far a drag moved the finger this frame
};

// Owns the gesture tracker and the scroller of the screen being shown.
class PointerTracker {
public:
    // Call once per frame with the pointer events since the last frame (in
    // order) and the wheel movement in notches: moves the scroller by drags,
    // wheel and momentum.
    void Update(const std::vector<PointerEvent>& events, float wheel, float dpi, double now);
    const PointerState& State() const { return state_; }

    float ScrollOffset() const { return scroller_.Offset(); }
    // A new screen: jump to its remembered offset (the limit comes after its
    // first layout, from SetScrollLimit).
    void ResetScroll(float offset);
    void ScrollTo(float offset) { scroller_.ScrollTo(offset); }
    void SetScrollLimit(float max_offset) { scroller_.SetMaxOffset(max_offset); }
    // True while a fling is still moving the page (keep drawing frames).
    bool Animating() const { return scroller_.Animating(); }
    // While held, drags move nothing but drag_dx/dy (a picture shown full
    // screen pans with them) and the screen beneath keeps its place.
    void HoldScroll(bool held) { held_ = held; }
    // Ends the gesture in progress without a tap (the screen changed under
    // the finger, or the tap only woke the kiosk).
    void Cancel();

private:
    TouchTracker touch_;
    MomentumScroller scroller_;
    PointerState state_;
    bool held_ = false;
};

} // namespace ck::ui
