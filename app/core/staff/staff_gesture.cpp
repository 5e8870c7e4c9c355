// Hidden staff gesture recogniser. See staff_gesture.h.
#include "staff/staff_gesture.h"

#include <cmath>

namespace ck {

StaffGesture::StaffGesture(float corner_px, float slop_px) : corner_px_(corner_px), slop_px_(slop_px)
{
}

bool StaffGesture::Moved(const PointerEvent& event) const
{
    return std::hypot(event.x - press_x_, event.y - press_y_) > slop_px_;
}

bool StaffGesture::Feed(const PointerEvent& event)
{
    // An armed gesture whose tap window ran out counts as never started.
    if (state_ == State::Armed && event.t > armed_at_ + kStaffTapWindowSeconds)
        state_ = State::Idle;

    switch (event.kind) {
    case PointerEventKind::Press:
        press_x_ = event.x;
        press_y_ = event.y;
        press_t_ = event.t;
        if (state_ == State::Armed && !InCorner(event.x, event.y))
            state_ = State::Tapping;
        else if (InCorner(event.x, event.y))
            state_ = State::Holding;   // also restarts an armed gesture: hold again
        else
            state_ = State::Ignoring;
        return false;

    case PointerEventKind::Move:
        if ((state_ == State::Holding || state_ == State::Tapping) && Moved(event))
            state_ = State::Ignoring;
        return false;

    case PointerEventKind::Release:
        if (state_ == State::Holding) {
            const bool held = event.t - press_t_ >= kStaffHoldSeconds && !Moved(event);
            state_ = held ? State::Armed : State::Idle;
            armed_at_ = event.t;
            return false;
        }
        if (state_ == State::Tapping) {
            const bool tap = event.t - press_t_ <= kStaffTapMaxSeconds && !Moved(event)
                             && press_t_ <= armed_at_ + kStaffTapWindowSeconds;
            state_ = State::Idle;
            return tap;
        }
        if (state_ == State::Ignoring)
            state_ = State::Idle;
        return false;
    }
    return false;
}

} // namespace ck
