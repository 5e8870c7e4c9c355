// The hidden gesture that opens the staff PIN pad: press and hold the
// top-left corner (a square of kStaffCornerMm) for kStaffHoldSeconds without
// moving, lift, then tap anywhere outside that corner within
// kStaffTapWindowSeconds. Patients do not do this by accident: a normal tap
// or scroll never holds still for three seconds, and the second tap proves
// the hold was deliberate. Pure logic: pointer events carry their own times.
#pragma once
#include "session/script.h"

namespace ck {

constexpr float kStaffCornerMm = 15.0f;
constexpr double kStaffHoldSeconds = 3.0;
constexpr double kStaffTapWindowSeconds = 5.0;
constexpr double kStaffTapMaxSeconds = 1.0;   // a press held longer is not a tap

class StaffGesture {
public:
    // `corner_px`: side of the corner square in pixels; `slop_px`: how far the
    // finger may wander (during the hold or the tap) before it stops counting.
    StaffGesture(float corner_px, float slop_px);

    // Feeds one pointer event in time order. True when this event completed
    // the gesture (the release of the second tap); the recogniser starts over.
    bool Feed(const PointerEvent& event);
    // True between a finished hold and the end of its tap window: the app may
    // swallow the next tap so it does not also press a button.
    bool Armed(double now) const { return state_ == State::Armed && now <= armed_at_ + kStaffTapWindowSeconds; }
    void Reset() { state_ = State::Idle; }

private:
    enum class State { Idle, Holding, Armed, Tapping, Ignoring };
    bool InCorner(float x, float y) const { return x >= 0 && y >= 0 && x < corner_px_ && y < corner_px_; }
    bool Moved(const PointerEvent& event) const;

    float corner_px_;
    float slop_px_;
    State state_ = State::Idle;
    float press_x_ = 0.0f, press_y_ = 0.0f;
    double press_t_ = 0.0;
    double armed_at_ = 0.0;   // when the hold ended (release)
};

} // namespace ck
