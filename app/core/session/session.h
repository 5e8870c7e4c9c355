// Session: what one patient has done (where they are, what they typed, the
// text size, theme and language they chose) and the idle timer that wipes it
// for the next patient. Pure logic: time is passed in (seconds on any
// monotonic clock), so tests drive it with a fake clock and the kiosk with
// the real one or a script's clock.
#pragma once
#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace ck {

enum class Screen { Home, Page, Faq, Search, Languages };

struct Route {
    Screen screen = Screen::Home;
    std::string id;            // Page: page id. Faq: expanded entry id ("" = none)
    float scroll_y = 0.0f;     // remembered so Back returns to the same place
    bool operator==(const Route& o) const { return screen == o.screen && id == o.id; }
};

// What the UI asks for; the app applies intents to the session. Widgets never
// navigate or do IO themselves.
enum class IntentKind {
    OpenPage,        // text = page id
    OpenFaq,         // text = entry id to expand ("" = the list)
    ToggleFaqEntry,  // text = entry id (expand, or collapse when already open)
    OpenSearch,
    OpenLanguages,   // the language picker (kiosks offering more than two languages)
    Back,
    Home,
    SetTextSize,     // value = step
    ToggleContrast,
    SetLanguage,     // text = language tag; on the picker, also goes back
    SearchAppend,    // text = UTF-8 to append to the query
    SearchBackspace, // delete the last character (UTF-8 aware)
    SearchClear,
    ContinueReading, // dismiss the idle warning
    DismissAttract,
    ReadAloud,       // text = "page:<id>" or "faq:<id>": start reading it aloud, or stop when it is being read
    ToggleTask,      // text = "page:<id>#<n>" or "faq:<id>#<n>": tick or untick the n-th check box there
    ShowAddress,     // text = a web or e-mail address from the content: show it as a take-home QR code
    CloseAddress,    // close that code
    ShowPicture,     // text = a picture's key (Content::images): show it full screen over the screen
    ClosePicture,    // close it (Back does too)
    SetKeyboard,     // value = KeyboardMode: the search keyboard's letters, digits, or hidden
    Video,           // text = a clip's key, value = what was pressed on it (ui/widgets/video_view.h)
};

// What the search screen's keyboard shows. Opening Search starts with letters.
enum class KeyboardMode {
    Letters,
    Digits,    // the "123" layer: digits, hyphen, apostrophe and a few signs
    Hidden,    // the results get the whole screen; a tap in the query box brings it back
};
const char* KeyboardModeName(KeyboardMode mode);   // "letters", "digits", "hidden" 

struct Intent {
    IntentKind kind = IntentKind::Home;
    std::string text;
    int value = 0;
};

// Idle cycle:
//   Active --(idle_timeout without input)--> Warning --(warning_seconds)--> reset,
//   back to Active at Home --(attract_after without input)--> Attract.
// A session nobody has touched since start-up or the last reset has nothing
// to wipe, so it never warns; it only moves on to Attract.
enum class IdleState {
    Active,     // someone is using the kiosk (or the Home screen waits for one)
    Warning,    // "Are you still reading?" with a countdown
    Attract,    // after the reset and a longer quiet period: the attract screen
};

struct SessionSettings {
    std::string default_language = "en";
    double idle_timeout = 90.0;        // seconds without input before the warning
    double warning_seconds = 30.0;     // countdown length (values below 20 count as 20)
    double attract_after = 300.0;      // seconds after a reset before the attract screen (0 = never)
    int text_size_steps = 4;           // 0 .. steps-1
    int default_text_size = 1;
};

class Session {
public:
    explicit Session(SessionSettings settings = SessionSettings(), double now = 0.0);

    // Navigation
    const Route& Current() const { return history_.back(); }
    Route& Current() { return history_.back(); }
    bool CanGoBack() const { return history_.size() > 1; }
    void Navigate(const Route& route);
    void Back();
    void Home();

    // Applies an intent, counts as input (resets the idle timer).
    void Apply(const Intent& intent, double now);

    // Input of any kind (touch, key). Returns true if the input should be
    // swallowed because it only dismissed the attract screen. Any input
    // during the warning continues the session.
    bool NoteInput(double now);
    // Advances idle logic; call every frame or timer wake-up. Transitions
    // happen at their scheduled time, so a late Tick (a long sleep, a script's
    // `advance`) runs every step that fell due in between.
    void Tick(double now);
    IdleState Idle() const { return idle_; }
    // Countdown shown in the warning (0 .. warning length; 0 when not warning).
    double WarningSecondsLeft(double now) const;
    // Seconds until Tick must run again (for the event loop's wait timeout):
    // the next state change, or during the warning the next time the whole
    // seconds of the countdown change. kNoEventPending when nothing is due.
    double SecondsUntilNextEvent(double now) const;
    static constexpr double kNoEventPending = 1.0e9;
    // True once someone has used the kiosk since start-up or the last reset.
    bool Touched() const { return touched_; }

    // Wipes everything a patient did: Home, empty history and query, default
    // text size, theme and language. Increments ResetCount().
    void Reset(double now);
    int ResetCount() const { return reset_count_; }

    // Patient choices
    const std::string& Language() const { return language_; }
    int TextSize() const { return text_size_; }
    bool HighContrast() const { return high_contrast_; }
    const std::string& Query() const { return query_; }
    // The web or e-mail address shown as a take-home QR code over the screen;
    // "" when none. Any navigation and a reset close it.
    const std::string& ShownAddress() const { return shown_address_; }
    // The picture shown full screen (its key in Content::images); "" when
    // none. Back closes it before it leaves the screen under it; any other
    // navigation and a reset close it too.
    const std::string& ShownPicture() const { return shown_picture_; }
    // Whether the check box `key` ("page:<id>#<n>") shows ticked: as written
    // in the content until the patient taps it. Reset forgets every tap.
    bool TaskTicked(const std::string& key, bool written) const { return written != (toggled_tasks_.count(key) > 0); }
    KeyboardMode Keyboard() const { return keyboard_; }
    const SessionSettings& Settings() const { return settings_; }
    void SetSettings(const SessionSettings& settings) { settings_ = settings; }

    static constexpr std::size_t kMaxQueryBytes = 200;   // longer input is cut at a code point

private:
    double IdleTimeout() const;
    double WarningLength() const;
    void ApplyNavigation(const Intent& intent);

    SessionSettings settings_;
    std::vector<Route> history_;
    std::string language_;
    std::string query_;
    std::set<std::string> toggled_tasks_;   // check boxes the patient tapped (odd times)
    std::string shown_address_;
    std::string shown_picture_;
    KeyboardMode keyboard_ = KeyboardMode::Letters;
    int text_size_ = 1;
    bool high_contrast_ = false;
    IdleState idle_ = IdleState::Active;
    double last_input_ = 0.0;
    double warning_started_ = 0.0;
    double reset_at_ = -1.0;   // start of the quiet period counted for Attract
    bool touched_ = false;
    int reset_count_ = 0;
};

const char* ScreenName(Screen screen);   // "home", "page", "faq", "search"
// "home", "faq", "search", "page:aftercare" — the form `expect` uses in scripts.
std::string RouteName(const Route& route);
// What the patient sees: "attract", "idle-warning", or RouteName(Current()).
std::string SessionScreenName(const Session& session);

} // namespace ck
