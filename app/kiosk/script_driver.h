// ScriptDriver: replays an input script (core/session/script.h) through the
// same path as real touches, for end-to-end tests and measurements. Taps
// and drags (and `press LABEL`, at that button) join the frame's pointer events; typed text becomes the
// on-screen keyboard's intents; `advance` moves the kiosk clock forward;
// `expect` and `waitfor` ask the kiosk whether a condition holds;
// `screenshot` saves the next frame; `heap` prints malloc's bytes in use.
#pragma once
#include "kiosk_platform.h"
#include "session/session.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ck {

class ScriptDriver {
public:
    void Load(InputScript script);
    bool Active() const { return player_ != nullptr; }

    // What the kiosk answers for a script: whether an `expect` or `waitfor`
    // condition holds, and where the button labelled so is (false: none).
    struct Queries {
        std::function<bool(const std::string&)> holds;
        std::function<bool(const std::string& label, float* x, float* y)> find_button;
    };
    // Runs the steps due at `now`; true when any ran (the screen may change).
    bool RunDue(double now, Session& session, const Queries& queries);
    // This frame's scripted touches, on the kiosk clock.
    std::vector<PointerEvent> TakePointerEvents();
    // Seconds until the next step is due (the loop's wait), or a day when none.
    double SecondsUntilNext(double now) const;

    double ClockOffset() const { return clock_offset_; }
    bool CaptureWanted() const { return !capture_path_.empty(); }
    // Saves the frame just rendered to the `screenshot` path.
    void Capture(const KioskPlatform& platform);
    bool QuitRequested() const { return quit_; }
    int Failures() const { return failures_; }

private:
    std::unique_ptr<InputScriptPlayer> player_;
    std::vector<PointerEvent> pointer_;   // this frame's scripted touches
    double clock_offset_ = 0.0;           // `advance` moves the kiosk clock forward
    std::string capture_path_;            // `screenshot`: save the next frame here
    int failures_ = 0;
    bool quit_ = false;
};

} // namespace ck
