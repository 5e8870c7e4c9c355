// Shared by the screen source files only (screens.cpp and *_screen*.cpp):
// the Frame every screen draws into, with its metrics, and the parts more
// than one screen uses: text, touch targets, buttons, the title bar, the
// scroll indicator, read-aloud. Each screen's own file holds its layout.
//
// Everything is drawn with the window's ImDrawList and hit-tested here rather
// than with ImGui widgets: a touch kiosk needs taps that ignore drags and no
// hover states, and the layout is simple boxes anyway.
#pragma once
#include "screens/screens.h"
#include "screens/search_screen.h"
#include "widgets/rect.h"
#include <imgui.h>
#include <string>
#include <vector>

namespace ck::ui {

namespace screens_detail {

// What one screen draws with in one frame: where it draws, its metrics and
// the intents it collects.
struct Frame {
    const ScreenEnv& env;
    const Theme& theme;
    ImDrawList* draw;
    ScreenReport* report;
    std::vector<Intent> intents;
    // Metrics, all in pixels.
    float em = 30.0f;          // body text size
    float margin = 40.0f;      // screen edge to content
    float gap = 16.0f;         // between neighbouring targets
    float target = 57.0f;      // smallest touch target side
    float button_h = 57.0f;
    Rect column = {};          // the text column (centred when wide)
    // Taps only count inside this band (the scrolling body, or everything).
    float tap_min_y = 0.0f, tap_max_y = 1e9f;

    ImFont* Font(FontRole role) const
    {
        ImFont* font = env.fonts ? env.fonts->Get(role) : nullptr;
        return font ? font : ImGui::GetFont();
    }
    std::string Ui(const char* key) const { return UiString(*env.content, env.session->Language(), key); }
    void Emit(IntentKind kind, std::string text = std::string(), int value = 0)
    {
        intents.push_back(Intent{kind, std::move(text), value});
    }
};

// ---------------------------------------------------------------------------
// [SECTION] Frame: metrics, text, touch targets
// ---------------------------------------------------------------------------

void ComputeMetrics(Frame& f);
ImVec2 MeasureText(const Frame& f, FontRole role, const std::string& text, float wrap);
// Draws `text` at (x, y), wrapped at `wrap` px (0 = one line); returns its size.
ImVec2 DrawText(Frame& f, FontRole role, float x, float y, ImU32 colour, const std::string& text, float wrap);
// Draws lines centred as a block on the screen's centre line; returns (x, height).
ImVec2 CentredText(Frame& f, FontRole role, float y, ImU32 colour, const std::string& text, float max_w);
// Tells the report (tests, screenshots) where the screen's title is.
void ReportTitle(Frame& f, float x, float y, ImVec2 size, Rgb colour);

enum class Touch { None, Held, Tapped };

// The touch behaviour of one target: held while a press that started inside
// is still inside and not a drag; tapped when such a press is released.
Touch Target(Frame& f, const Rect& r);

// ---------------------------------------------------------------------------
// [SECTION] Shared chrome: buttons, title bar, scroll indicator, read-aloud
// ---------------------------------------------------------------------------

enum class ButtonStyle { Primary, Secondary };

// A button with an icon and/or a label ("" for none); returns true when tapped.
bool Button(Frame& f, const Rect& r, const char* icon, const std::string& label, ButtonStyle style);
float ButtonWidth(const Frame& f, const std::string& label);
// A language's name in that language: "language_name" in its own ui.json,
// else a small built-in table, else the tag itself.
std::string LanguageName(const Content& content, const std::string& tag);
// The right end of every top bar: language, text size, contrast. Returns the
// x where those buttons begin.
float SettingsButtons(Frame& f, float y, bool with_language);
// The header of every screen, controls only: Back and Home on the left
// (`back_home`, every screen but Home), Stop while something on this screen
// is being read, the settings on the right. Returns its bottom edge.
float Header(Frame& f, bool back_home);
// Every screen's title goes in its body, the first thing under the header,
// wrapped to the text column, with a muted `note` under it (or none).
// ScreenTitle draws it with its top at `y` and returns the height it and
// the space under it take; ScreenTitleHeight measures that without drawing.
float ScreenTitleHeight(const Frame& f, const std::string& title, const std::string& note);
float ScreenTitle(Frame& f, float y, const std::string& title, const std::string& note);
// The title of a screen whose body does not scroll as a whole (Home, FAQ,
// Search, Languages) under the header's bottom `top`; returns its bottom.
float FixedTitle(Frame& f, float top, const std::string& title);
// A thin thumb at the right edge while the body can scroll.
void ScrollIndicator(Frame& f, float top, float scroll, float max_scroll);
// Scroll offset of the current route, clamped to what the body allows.
float ClampedScroll(const Frame& f, float max_scroll);
ViewContext MakeViewContext(const Frame& f);
// The size kiosk.json's logo takes fitted into max_w x max_h, keeping its
// shape and never larger than its own size times the screen's scale; 0 x 0
// when there is none.
ImVec2 LogoSize(const Frame& f, float max_w, float max_h);
// Draws it with its top-left at (x, y) in that size (nothing until its texture is ready).
void DrawLogo(Frame& f, float x, float y, ImVec2 size);
// The tap for a DocumentView, when it falls inside the scrolling body.
const float* BodyTap(const Frame& f, float* storage);
// The search parts (search_screen.h) drawn with this frame's metrics across [x0, x1].
SearchDraw SearchDrawFor(Frame& f, float x0, float x1);
// Read-aloud's toggle: "Read aloud", or "Stop" while `target` is being read.
void ReadAloudButton(Frame& f, float x, float y, const std::string& target);
// Read-aloud on `view`, drawn `doc_y` px below the top of the scrolling
// area: highlights the block being read and keeps it in sight, unless the
// patient scrolled away from it (views.reading_paused).
void FollowReading(Frame& f, ScreenViews& views, DocumentView& view, const std::string& target, float doc_y,
                   float top, float scroll);
// Over the foot of the body: "Back to reading position" while the patient
// has scrolled away from the part being read, or "Sound is not available on
// this kiosk" after a Read aloud that could not start. ReadingOverlayTop
// says where it will be (f.env.height when there is none), so the body
// under it takes no taps; ReadingOverlay draws it.
float ReadingOverlayTop(const Frame& f, const ScreenViews& views);
void ReadingOverlay(Frame& f, ScreenViews& views);

// A QR code (made at load) black on a white square with the quiet zone
// scanners need, at (x, y) with `module` px per module. Modules are whole
// pixels at whole-pixel positions, so the code is crisp at any size.
constexpr int kQrQuietModules = 4;
void DrawQr(ImDrawList* draw, const QrCode& code, float x, float y, int module);
// The white square's side for `module` px per module.
inline float QrSide(const QrCode& code, int module) { return float(module * (code.width + 2 * kQrQuietModules)); }

// How to reach the clinic (contact_card.cpp): the card at the foot of a
// page (its button shows the phone's QR code), Home's band, the attract
// screen's lines. Each draws nothing when kiosk.json has no contact block.
float ContactCardHeight(const Frame& f, bool qr_open);
void DrawContactCard(Frame& f, float y, ScreenViews& views, const std::string& page);
float ContactBandHeight(const Frame& f);
void DrawContactBand(Frame& f, float top);
float DrawContactLinesCentred(Frame& f, float y);

// ---------------------------------------------------------------------------
// [SECTION] Screens, one file each
// ---------------------------------------------------------------------------

void HomeScreen(Frame& f, ScreenViews& views);        // home_screen.cpp
void PageScreen(Frame& f, ScreenViews& views);        // page_screen.cpp
void FaqScreen(Frame& f, ScreenViews& views);         // faq_screen.cpp
void LanguagesScreen(Frame& f, ScreenViews& views);   // languages_screen.cpp
void UpdatingScreen(Frame& f);                        // idle_screens.cpp
void IdleWarning(Frame& f);
void AttractScreen(Frame& f);
// Over any screen: a web or e-mail address from the text as a large
// take-home QR code, the address in words, and Close. (address_card.cpp)
void AddressCard(Frame& f);
// A picture of the page or answer shown full screen with its description,
// zoom buttons, panning by drag, and Close. (picture_screen.cpp)
void PictureScreen(Frame& f, ScreenViews& views);
// Reports the pictures of `view` drawn at (x, y) inside the tap band as
// targets named by their descriptions, for scripts' `press`.
void ReportPictures(Frame& f, const DocumentView& view, float x, float y);

} // namespace screens_detail

} // namespace ck::ui
