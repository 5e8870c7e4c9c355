#include "session/touch.h"
#include <algorithm>
#include <cmath>

namespace ck {

float MillimetresToPixels(float mm, float dpi)
{
    // Monitors misreport their size now and then (0 mm, or a projector
    // claiming 10 000 dpi); fall back to the common desktop default.
    if (!(dpi >= 30.0f && dpi <= 2000.0f))
        dpi = 96.0f;
    return mm * dpi / 25.4f;
}

// ---------------------------------------------------------------------------
// [SECTION] TouchTracker
// ---------------------------------------------------------------------------

namespace {

// Enough for the velocity window at any plausible event rate.
constexpr size_t kMaxSamples = 64;
// Samples closer together than this cannot give a trustworthy speed.
constexpr double kMinVelocitySpan = 0.004;

float Length(float dx, float dy)
{
    return std::sqrt(dx * dx + dy * dy);
}

} // namespace

void TouchTracker::NewFrame()
{
    frame_delta_ = Vec2f{};
    tapped_ = false;
    released_drag_ = false;
}

void TouchTracker::AddSample(float x, float y, double t)
{
    samples_.push_back(Sample{t, x, y});
    while (samples_.size() > kMaxSamples || (samples_.size() > 1 && samples_.front().t < t - settings_.velocity_window))
        samples_.pop_front();
}

void TouchTracker::Press(float x, float y, double t)
{
    state_ = TouchState::Pressed;
    press_ = Vec2f{x, y};
    last_ = press_;
    drag_origin_ = press_;
    release_velocity_ = Vec2f{};
    samples_.clear();
    AddSample(x, y, t);
}

void TouchTracker::Move(float x, float y, double t)
{
    if (state_ == TouchState::Idle)
        return;
    const Vec2f previous = last_;
    last_ = Vec2f{x, y};
    AddSample(x, y, t);

    if (state_ == TouchState::Pressed) {
        const float dx = x - press_.x;
        const float dy = y - press_.y;
        const float distance = Length(dx, dy);
        // A drag is told from a shaky tap by its direction: mostly along the
        // scrolling direction and still moving away from the press. A hand
        // that trembles goes back and forth, and sideways on a page that
        // only scrolls up and down, and stays a tap within the slop.
        const bool scrolling = settings_.scrollable_y && std::fabs(dy) > settings_.drag_threshold_px
                               && std::fabs(dy) >= std::fabs(dx) && (y - previous.y) * dy > 0.0f;
        if (!scrolling && distance <= settings_.tap_slop_px)
            return;
        // The drag begins at the threshold crossing, so only the movement
        // beyond it moves the content.
        state_ = TouchState::Dragging;
        const float threshold = scrolling ? settings_.drag_threshold_px * distance / std::fabs(dy)
                                          : settings_.tap_slop_px;
        const float k = std::min(1.0f, threshold / distance);
        drag_origin_ = Vec2f{press_.x + dx * k, press_.y + dy * k};
        frame_delta_.x += x - drag_origin_.x;
        frame_delta_.y += y - drag_origin_.y;
        return;
    }
    frame_delta_.x += x - previous.x;
    frame_delta_.y += y - previous.y;
}

void TouchTracker::Release(float x, float y, double t)
{
    if (state_ == TouchState::Idle)
        return;
    Move(x, y, t);
    if (state_ == TouchState::Pressed) {
        tapped_ = true;
        release_velocity_ = Vec2f{};
    } else {
        released_drag_ = true;
        release_velocity_ = EstimateVelocity(t);
    }
    state_ = TouchState::Idle;
}

void TouchTracker::Cancel()
{
    state_ = TouchState::Idle;
    samples_.clear();
    release_velocity_ = Vec2f{};
    frame_delta_ = Vec2f{};
}

Vec2f TouchTracker::DragTotal() const
{
    if (state_ == TouchState::Pressed)
        return Vec2f{};
    return Vec2f{last_.x - drag_origin_.x, last_.y - drag_origin_.y};
}

Vec2f TouchTracker::EstimateVelocity(double t) const
{
    // Least-squares slope of position over time for the samples in the
    // window. A finger that stopped before lifting leaves only the release
    // sample (or samples at one place) in the window: velocity 0, no fling.
    double sum_t = 0.0, sum_x = 0.0, sum_y = 0.0;
    int count = 0;
    double first_t = t, last_t = t - settings_.velocity_window;
    for (const Sample& s : samples_) {
        if (s.t < t - settings_.velocity_window || s.t > t)
            continue;
        sum_t += s.t;
        sum_x += s.x;
        sum_y += s.y;
        first_t = std::min(first_t, s.t);
        last_t = std::max(last_t, s.t);
        ++count;
    }
    if (count < 2 || last_t - first_t < kMinVelocitySpan)
        return Vec2f{};
    const double mean_t = sum_t / count, mean_x = sum_x / count, mean_y = sum_y / count;
    double var_t = 0.0, cov_x = 0.0, cov_y = 0.0;
    for (const Sample& s : samples_) {
        if (s.t < t - settings_.velocity_window || s.t > t)
            continue;
        const double dt = s.t - mean_t;
        var_t += dt * dt;
        cov_x += dt * (s.x - mean_x);
        cov_y += dt * (s.y - mean_y);
    }
    if (var_t <= 0.0)
        return Vec2f{};
    const float limit = settings_.max_speed;
    return Vec2f{std::clamp(static_cast<float>(cov_x / var_t), -limit, limit),
                 std::clamp(static_cast<float>(cov_y / var_t), -limit, limit)};
}

// ---------------------------------------------------------------------------
// [SECTION] MomentumScroller
// ---------------------------------------------------------------------------

void MomentumScroller::SetMaxOffset(float max_offset)
{
    max_offset_ = std::max(0.0f, max_offset);
    if (offset_ > max_offset_) {
        offset_ = max_offset_;
        Stop();
    }
}

void MomentumScroller::ScrollTo(float offset)
{
    Stop();
    offset_ = std::clamp(offset, 0.0f, max_offset_);
}

void MomentumScroller::DragBy(float finger_dy)
{
    Stop();
    offset_ = std::clamp(offset_ - finger_dy, 0.0f, max_offset_);
}

void MomentumScroller::Release(float finger_velocity, double now)
{
    Stop();
    const float velocity = std::clamp(-finger_velocity, -settings_.max_speed, settings_.max_speed);
    const float speed = std::fabs(velocity);
    if (speed < settings_.min_fling_speed || speed <= settings_.stop_speed)
        return;
    // Already against the end it is heading for: nothing to animate.
    if ((velocity < 0.0f && offset_ <= 0.0f) || (velocity > 0.0f && offset_ >= max_offset_))
        return;
    animating_ = true;
    velocity_ = velocity;
    start_offset_ = offset_;
    start_velocity_ = velocity;
    start_time_ = now;
    stop_after_ = settings_.time_constant * std::log(speed / settings_.stop_speed);
}

void MomentumScroller::Stop()
{
    animating_ = false;
    velocity_ = 0.0f;
}

bool MomentumScroller::Update(double now)
{
    if (!animating_)
        return false;
    // v(t) = v0 e^(-t/tau)  =>  x(t) = x0 + v0 tau (1 - e^(-t/tau)).
    const double tau = settings_.time_constant;
    const double elapsed = std::clamp(now - start_time_, 0.0, stop_after_);
    const double decay = std::exp(-elapsed / tau);
    const double position = start_offset_ + start_velocity_ * tau * (1.0 - decay);
    velocity_ = static_cast<float>(start_velocity_ * decay);

    if (position <= 0.0) {
        offset_ = 0.0f;
        Stop();
    } else if (position >= max_offset_) {
        offset_ = max_offset_;
        Stop();
    } else {
        offset_ = static_cast<float>(position);
        if (elapsed >= stop_after_)
            Stop();
    }
    return animating_;
}

} // namespace ck
