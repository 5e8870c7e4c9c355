// The kiosk's screens: Home (clinic name and a tile per page), Page (header,
// title and scrolling body, review footer), FAQ (expandable questions) and
// "Information is being updated" (no content). Each is drawn from the
// Content and the Session and returns intents; none navigates, loads or
// writes anything itself. The kiosk and the screenshot command call the same
// DrawScreen, so a screenshot is what a patient sees.
#pragma once
#include "content/content.h"
#include "session/picture_zoom.h"
#include "session/session.h"
#include "widgets/document_view.h"
#include "text/fonts.h"
#include "widgets/texture_cache.h"
#include "widgets/theme.h"
#include "widgets/touch_input.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ck::ui {

// After an exception escaped a frame: ImGui's stacks are unwound and the
// frame ended, so the next NewFrame() starts clean.
void EndFrameAfterError();

// Every button and tile is at least this big on the physical screen.
constexpr float kMinTargetMm = 15.0f;
// kMinTargetMm in pixels at `dpi` (57 px at 96 dpi).
float MinTargetPx(float dpi);

// What a frame drew, for the render checker and tests.
struct ScreenReport {
    std::string screen;             // RouteName of what was drawn, or "updating"
    float max_text_right = 0.0f;    // largest right edge of any text laid out (px)
    float title_rect[4] = {};       // x0, y0, x1, y1 of the screen title's text
    Rgb title_colour = {};
    Rgb background = {};
    float min_target = 0.0f;        // smallest side of any touch target drawn (0 = none)
    int targets = 0;
    float qr_rect[4] = {};          // the take-home QR code's white square, quiet zone included (0s = none drawn)
    int qr_module = 0;              // its module size in px
    struct Labelled {
        std::string label;
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    std::vector<Labelled> buttons;  // labelled buttons drawn, for scripts' `press LABEL`; pictures by their description
    std::string notice;             // a message drawn over the screen ("Sound is not available..."), "" = none
    int reading_shown = -1;         // read-aloud: the part being read is on screen (1), away (0), none (-1)
    PictureCounts pictures;         // content pictures in view
    float open_entry_y = -1.0f;     // FAQ: the top of the open question's card on screen (-1 = none drawn)
    int page_place = -1;            // page: the first block starting in view (pre-order number; -1 = none)
    std::vector<std::string> suggested;   // search: the suggested questions listed (FAQ ids, in order)
    float picture_rect[4] = {};     // the picture shown full screen, as drawn (0s = none)
    float video_rect[4] = {};       // the playing clip's picture on screen (0s = none drawn)
    std::vector<std::string> first_frames_wanted;   // clips in view with no poster and no first frame yet
};

struct SearchView;   // ui/search_screen.h

// What every screen reads. Pointers are borrowed for one frame.
struct ScreenEnv {
    const Content* content = nullptr;
    const Session* session = nullptr;
    const Theme* theme = nullptr;
    const Fonts* fonts = nullptr;
    TextureCache* textures = nullptr;
    const PointerState* pointer = nullptr;
    float width = 0.0f, height = 0.0f;   // viewport in pixels
    float dpi = 96.0f;
    double now = 0.0;
    const SearchView* search = nullptr;  // the app's results for the query; null = not ready
    std::string reading;                 // read-aloud: "page:<id>" or "faq:<id>" being read, "" = none
    int reading_block = -1;              // its block being read (pre-order number), -1 = none or the title
    std::string reading_notice;          // "page:<id>" or "faq:<id>" that could not be read: no sound device
    // The search screen's popular questions in the session's language
    // (core/insights/popular_questions.h), worked out between frames; null:
    // the FAQ's first questions.
    const std::vector<std::string>* popular = nullptr;
    const VideoOverlay* video = nullptr; // the clip playing, its frame and controls; null = posters only
};

inline const char* const kLeftFaq = "\n";   // ScreenViews::faq_focus after another screen

// View state that outlives a frame: cached document layouts and the height
// of the scrolling area. Cleared when the Content is replaced.
struct ScreenViews {
    std::string page_id;                 // page whose body `page_doc` holds
    Document page_doc;                   // the page body minus its leading title heading
    std::unique_ptr<DocumentView> page_body;   // re-made per page: its cache keys on the Document's address
    std::map<std::string, DocumentView> faq_answers;
    std::string faq_focus = kLeftFaq;    // FAQ entry last scrolled into view (kLeftFaq: another screen was shown)
    float max_scroll = 0.0f;             // of the screen drawn last frame
    float scroll_to = -1.0f;             // >= 0: the screen asks the app to scroll there
    int reading_focus = -1;              // read-aloud: the block last brought into view
    // The patient scrolled while the voice was reading: the screen stops
    // following it (the app sets this; "Back to reading position" clears it).
    bool reading_paused = false;
    float reading_return = -1.0f;        // while paused: the offset that shows the part being read (-1 = in view)
    std::string contact_qr_page;         // page whose contact card shows the phone's QR code
    bool contact_qr_reveal = false;      // it just opened: scroll to the end, where it is
    // The picture shown full screen (Session::ShownPicture): its description,
    // found once when it opens, and how far it is zoomed and panned.
    struct Picture {
        std::string key;
        std::string alt;
        PictureZoom zoom;
    } picture;
    // The patient's place on a page: the first block starting in view, `dy`
    // px below the top of the body, at body text size `em`. A new text size
    // puts that block back at the same place.
    struct Place {
        std::string page;
        int block = -1;
        float dy = 0.0f, em = 0.0f;
    } place;

    void Clear();
    // The patient left the screen (or a new patient came): what they opened
    // on it, such as the phone's QR code, closes.
    void Leave()
    {
        contact_qr_page.clear();
        contact_qr_reveal = false;
        picture = Picture();
    }
};

// Draws the current route (or the updating screen when content is empty)
// into a full-viewport ImGui window and returns what the patient asked for.
std::vector<Intent> DrawScreen(const ScreenEnv& env, ScreenViews& views, ScreenReport* report);

// ImGui style for the theme: no hover colours, no window chrome.
void ApplyImGuiStyle(const Theme& theme);

} // namespace ck::ui
