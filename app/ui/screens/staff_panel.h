// The staff overlay: the PIN pad (opened by the hidden corner gesture,
// core/staff_gesture.h) and, after the right PIN, the staff panel with the
// kiosk's health (content folder, last reload, the diagnostics `check`
// prints, counts, search index, overdue reviews, version), the insights
// (what patients used, as bar charts) and its buttons.
// Drawn over the patient screen; like the screens it only draws what it is
// given and returns actions; the app checks the PIN, reloads and exits.
#pragma once
#include "base/diagnostics.h"
#include "staff/staff_pin.h"
#include "text/fonts.h"
#include "widgets/theme.h"
#include "widgets/touch_input.h"
#include <string>
#include <vector>

namespace ck::ui {

// A horizontal bar chart of the insights section: bars scale to the largest count.
struct StaffBar {
    std::string label;                       // page title, question or query
    long long count = 0;
};
struct StaffChart {
    std::string title;                       // "Most viewed pages"
    std::vector<StaffBar> bars;              // largest first
};

// What the panel shows, filled by the app between frames (never while drawing).
struct StaffInfo {
    std::string content_dir;
    std::string version;
    std::string last_reload;                 // "14:03:22: 0 errors, 2 warnings (85 ms)"
    std::string watch_state;                 // "watching for changes" or why not
    std::vector<std::string> counts;         // "en: 6 pages, 50 FAQ entries"
    std::vector<std::string> search_index;   // "en: cached, 412 KB, 12 ms, 56 documents"
    std::vector<Diagnostic> diagnostics;     // as `carekiosk check` prints them
    int errors = 0, warnings = 0;
    int overdue_reviews = 0;                 // pages past their review date (also in diagnostics)
    bool reload_busy = false;
    // Insights (anonymous use counts), as `carekiosk report` prints them.
    std::string insights_period;             // "last 90 days, 2024-01-01 to 2024-03-30", or why there are none
    std::vector<std::string> insights_totals;   // one line per language
    std::vector<StaffChart> insights_charts;    // empty: only insights_period is shown
};

enum class StaffMode {
    Closed,
    Pad,      // PIN entry
    Panel,    // unlocked
};

struct StaffPanelState {
    StaffMode mode = StaffMode::Closed;
    std::string digits;                      // entered so far (drawn as dots)
    std::string message;                     // "Wrong PIN", shown under the dots
    PinLockout lockout;                      // survives closing the pad
    int first_line = 0;                      // diagnostics list scroll position
};

enum class StaffAction {
    SubmitPin,        // check state.digits
    ReloadNow,
    PreviewAsPatient, // close the panel, go Home
    ExitKiosk,
    Close,
};

struct StaffEnv {
    const StaffInfo* info = nullptr;
    const Theme* theme = nullptr;
    const Fonts* fonts = nullptr;
    const PointerState* pointer = nullptr;
    float width = 0.0f, height = 0.0f;
    float dpi = 96.0f;
    double now = 0.0;
};

// Draws the overlay for state.mode (nothing when Closed). Digit and delete
// keys edit state.digits directly; everything else comes back as actions.
std::vector<StaffAction> DrawStaffOverlay(const StaffEnv& env, StaffPanelState& state);

} // namespace ck::ui
