// PointerTracker: pointer events -> core TouchTracker / MomentumScroller.
#include "widgets/touch_input.h"


namespace ck::ui {

namespace {
constexpr float kWheelStepPx = 120.0f;   // one wheel notch
constexpr float kNoLimit = 1.0e9f;
}

void PointerTracker::ResetScroll(float offset)
{
    scroller_.SetMaxOffset(kNoLimit);
    scroller_.ScrollTo(offset);
}

void PointerTracker::Cancel()
{
    touch_.Cancel();
    state_.down = false;
    state_.dragging = false;
    state_.tapped = false;
}

void PointerTracker::Update(const std::vector<PointerEvent>& events, float wheel, float dpi, double now)
{
    TouchSettings settings = touch_.Settings();
    settings.drag_threshold_px = MillimetresToPixels(kDefaultDragThresholdMm, dpi);
    settings.tap_slop_px = MillimetresToPixels(kDefaultTapSlopMm, dpi);
    settings.scrollable_y = held_ || scroller_.MaxOffset() > 0.0f;   // as laid out last frame
    touch_.SetSettings(settings);
    touch_.NewFrame();

    for (const PointerEvent& event : events) {
        switch (event.kind) {
        case PointerEventKind::Press:
            scroller_.Stop();   // a finger on the glass stops a fling
            touch_.Press(event.x, event.y, event.t);
            break;
        case PointerEventKind::Move:
            touch_.Move(event.x, event.y, event.t);
            break;
        case PointerEventKind::Release:
            touch_.Release(event.x, event.y, event.t);
            break;
        }
    }

    const bool dragged = touch_.State() == TouchState::Dragging || touch_.ReleasedDrag();
    state_.drag_dx = dragged ? touch_.FrameDelta().x : 0.0f;
    state_.drag_dy = dragged ? touch_.FrameDelta().y : 0.0f;
    if (held_)
        scroller_.Stop();
    else if (dragged)
        scroller_.DragBy(touch_.FrameDelta().y);
    if (touch_.ReleasedDrag() && !held_)
        scroller_.Release(touch_.ReleaseVelocity().y, now);
    if (wheel != 0.0f && !held_)
        scroller_.ScrollTo(scroller_.Offset() - wheel * kWheelStepPx);
    scroller_.Update(now);

    state_.down = touch_.IsDown();
    state_.dragging = touch_.State() == TouchState::Dragging;
    state_.press_x = touch_.PressPosition().x;
    state_.press_y = touch_.PressPosition().y;
    state_.x = touch_.Position().x;
    state_.y = touch_.Position().y;
    state_.tapped = touch_.Tapped();
    state_.tap_x = touch_.TapPosition().x;
    state_.tap_y = touch_.TapPosition().y;
}

} // namespace ck::ui
