// StaffController: the staff overlay (hidden gesture -> PIN pad -> staff
// panel; with no PIN set the gesture only writes to the log how to set one)
// and the anonymous insights it shows. It counts what patients do
// (core/insights: map updates here, writes on the recorder's worker) and
// turns the panel's buttons into requests the kiosk carries out.
#pragma once
#include "content/content.h"
#include "insights/insights.h"
#include "kiosk_platform.h"
#include "reload_controller.h"
#include "screens/staff_panel.h"
#include "search/search.h"
#include "session/session.h"
#include "staff/staff_gesture.h"
#include <future>
#include <memory>
#include <string>
#include <vector>

namespace ck {

// What the panel reports on.
struct StaffSources {
    const Content* content = nullptr;
    ReloadController* reload = nullptr;
    const SearchIndex* index = nullptr;   // null while it is still opening
};

enum class StaffRequest { None, ReloadNow, PreviewAsPatient, ExitKiosk };

class StaffController {
public:
    // The hidden corner, sized for the screen's dpi; `platform` is woken
    // when a PIN check or a summary finishes on a worker.
    void Configure(KioskPlatform& platform);
    // Counts use anonymously from now on; without this nothing is counted.
    void StartInsights(InsightsSettings settings, KioskPlatform& platform);

    bool IsOpen() const { return panel_.mode != ui::StaffMode::Closed; }
    // This frame's touches: true when they belong to the hidden gesture (the
    // patient screen must not act on them too). Opening refreshes the panel.
    bool FeedGesture(const std::vector<PointerEvent>& events, const Session& session, const StaffSources& sources);
    // A new patient: the overlay closes and the day's counts are written.
    void OnSessionReset();
    void Refresh(const StaffSources& sources);
    // Draws the overlay; `*redraw` is set when it must be drawn again soon.
    StaffRequest Draw(ui::StaffEnv env, const StaffSources& sources, double now, bool* redraw);

    // The questions patients opened most, when the insights worker has read
    // them (at start and each new day); false meanwhile or without insights.
    bool TakeMostOpened(std::vector<std::string>* ids) { return insights_ && insights_->TakeMostOpened(ids); }
    // Insights, once a frame and for each intent the screens returned.
    void CountFrame(const Session& session, const SearchOutcome& outcome, double now);
    void CountIntent(const Intent& intent, const Session& session, const std::string& reading_before);
    // A clip started (`quarter` 0) or got `quarter` quarters in.
    void CountVideo(const Session& session, const std::string& key, int quarter);

private:
    struct PinCheck {
        PinResult result = PinResult::Wrong;
        PinLockout lockout;   // the lockout after this check
    };
    std::string PinHash(const Content& content) const;
    void SayHowToSetPin(const StaffSources& sources) const;
    void StartPinCheck(const Content& content, double now);
    bool TakePinCheck(const StaffSources& sources);
    void RequestInsights(const Content& content);
    StaffRequest Apply(ui::StaffAction action, const StaffSources& sources, double now);

    StaffGesture gesture_{0.0f, 0.0f};
    ui::StaffPanelState panel_;
    ui::StaffInfo info_;
    bool just_opened_ = false;        // the opening tap must not press a PIN key
    KioskPlatform* platform_ = nullptr;
    // Argon2id takes about half a second on purpose: it runs on a worker so
    // the pad keeps drawing ("Checking...") and the kiosk keeps answering.
    std::future<PinCheck> pin_check_;
    std::unique_ptr<InsightsRecorder> insights_;          // null: nothing is counted
    std::unique_ptr<SessionInsights> session_insights_;   // counts into insights_
};

} // namespace ck
