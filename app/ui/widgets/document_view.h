// Lays out and draws a Document: headings, paragraphs of mixed-style runs
// broken into lines by our own inline line-breaker, nested lists with
// hanging indents, quotes as call-out boxes, tables with wrapped cells,
// images scaled to the column, rules, code. Layout is computed once per
// (document, width, font generation) and cached; drawing a frame only walks
// the cached boxes. Taps on links come back as intents.
#pragma once
#include "document/document.h"
#include "session/session.h"
#include "text/fonts.h"
#include "widgets/texture_cache.h"
#include "widgets/video_view.h"
#include "widgets/theme.h"
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct ImDrawList;
struct ImFont;

namespace ck::ui {

// Theme colours by role: the layout stores roles, not colours, so switching to
// high contrast needs no re-layout.
enum class ColourRole : uint8_t {
    Text, Muted, Heading, Link, QuoteBackground, QuoteBar, CodeBackground, Rule, TableHeader, TableBorder,
};

// One thing to draw, in document coordinates (0,0 = top-left of the document).
struct DrawItem {
    enum class Kind : uint8_t {
        Text,          // `text` in `font`, top-left at (x0, y0); x1/y1 bound it
        FilledRect,    // quote/code/table-header backgrounds, quote bars
        RectOutline,   // table borders, image frames
        Line,          // (x0,y0)-(x1,y1): underline, strike, rule
        FilledCircle,  // list bullet, level 1
        Circle,        // list bullet, level 2
        FilledSquare,  // list bullet, level 3
        Image,         // content image `image_key` scaled into the box
    };
    Kind kind = Kind::Text;
    ColourRole colour = ColourRole::Text;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float thickness = 1;       // lines and outlines
    float rounding = 0;        // rects
    ImFont* font = nullptr;    // Text
    std::string text;          // Text
    std::string image_key;     // Image
    int list_depth = 0;        // Text/bullets: nesting depth of the enclosing list (0 = none)
    bool fallback_only = false;// alt text: drawn only when the preceding image has no texture
};

// A tappable internal link: the rectangle of one piece of link text.
struct LinkHit {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    IntentKind kind = IntentKind::OpenPage;   // OpenPage, OpenFaq or ShowAddress
    std::string target;
};

// A task list item's check box, and the row a tap on it toggles.
struct TaskBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;           // the box
    float hit_x0 = 0, hit_y0 = 0, hit_x1 = 0, hit_y1 = 0;   // the box and its item's first line
    bool written = false;      // ticked in the content ("- [x]")
    float thickness = 2;
};

// A picture: a tap on it shows it full screen (IntentKind::ShowPicture).
struct PictureHit {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::string image_key;     // Content::images
    std::string alt;           // its description, which also names it for scripts
};

// Where one block was laid out, in document coordinates.
struct BlockBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool laid_out = false;     // false: skipped (raw HTML) or inside a table cell
};

// A clip's place: its picture, and the caption band under it (kept even
// with captions off, so the text below never moves).
struct VideoBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;   // the picture
    float band_y1 = 0;                      // the caption band runs from y1 to here
    std::string video_key, poster_key, alt;
};

// A button drawn with its label, for the screen report (scripts' `press`).
struct LabelledRect {
    std::string label;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct DocumentLayout {        // cached lines, boxes and images
    std::vector<DrawItem> items;
    std::vector<LinkHit> links;
    std::vector<TaskBox> tasks;     // in document order: the n-th is "<tasks_of>#<n>"
    std::vector<PictureHit> pictures;
    std::vector<float> heading_tops;
    std::vector<BlockBox> blocks;   // by pre-order block number (core/speech_text.h); a list item: its own text
    std::vector<VideoBox> videos;
    float height = 0;
    float max_right = 0;
};

// How the pictures in view were drawn (tests, the kiosk's status file).
struct PictureCounts {
    int drawn = 0;         // with their texture (or, when it cannot be made, a frame and the description)
    int loading = 0;       // still decoding: a placeholder in their box
    int blank = 0;         // their box left empty (never on purpose)
};

struct ViewContext {
    const Theme* theme = nullptr;
    const Fonts* fonts = nullptr;
    TextureCache* textures = nullptr;
    const Content* content = nullptr;   // for image sizes/textures
    // Check boxes: ticked as the session says for "<tasks_of>#<n>" ("page:aftercare#0"),
    // else as written; a tap on one emits ToggleTask. No session: as written, no taps.
    const Session* session = nullptr;
    std::string tasks_of;
    // Pixels per picture pixel at most: the screen's scale (its shorter side
    // over 1080), so a picture is never blown up past its natural size there.
    float picture_scale = 1.0f;
    PictureCounts* pictures = nullptr;  // when set, Draw adds the pictures it drew
    const VideoOverlay* video = nullptr;   // the player's state; null = every clip shows its poster
    float target = 57.0f;                  // smallest touch target side (px)
    std::vector<LabelledRect>* labelled = nullptr;   // when set, Draw adds the clip buttons it drew
    LabelledRect* playing_rect = nullptr;            // when set, Draw puts the playing clip's picture here
    std::vector<std::string>* wanted_frames = nullptr;   // when set, Draw adds clips in view still without a poster
};

class DocumentView {
public:
    DocumentView();
    ~DocumentView();

    // Lays out (or reuses the cached layout) for `width` pixels and returns
    // the total height.
    float Layout(const Document& doc, float width, const ViewContext& ctx);

    // Draws at screen position `origin` (top-left of the document), clipped to
    // [clip_min_y, clip_max_y]. `tap` is the screen position of a completed
    // tap this frame (or nullptr); a tap on an internal link appends an intent
    // (OpenPage / OpenFaq), a tap on a check box's row ToggleTask, a tap on a
    // picture ShowPicture. Returns true if the tap hit any of them.
    bool Draw(ImDrawList* draw, float origin_x, float origin_y, float clip_min_y, float clip_max_y,
              const ViewContext& ctx, const float* tap, std::vector<Intent>* intents);

    // The y offset (from the document top) of the n-th heading, for keeping a
    // reader's place across reloads; -1 if none.
    float HeadingOffset(int heading_index) const;
    // Largest x extent of any laid-out box (tests: nothing past the width).
    float MaxRight() const;
    float Height() const;

    // Read-aloud: the block being read (pre-order number, -1 = none) gets a
    // soft band behind it and an accent bar beside it from the next Draw.
    void SetHighlight(int block) { highlight_ = block; }
    // The laid-out top and bottom of a block, false when it has none.
    bool BlockBounds(int block, float* y0, float* y1) const;

    // The internal link at document coordinates (x, y), if any.
    bool HitTest(float x, float y, Intent* out) const;
    // The cached layout (nullptr before the first Layout); for tests.
    const DocumentLayout* Current() const { return layout_.get(); }
    // How many times a layout was actually computed (cache checks in tests).
    int LayoutCount() const { return layout_count_; }

private:
    // Clips (document_video.cpp): drawn over their boxes; a tap on one is an intent.
    void DrawVideos(ImDrawList* draw, float origin_x, float origin_y, float clip_min_y, float clip_max_y,
                    const ViewContext& ctx) const;
    bool TapVideo(float x, float y, const ViewContext& ctx, std::vector<Intent>* intents) const;

    std::unique_ptr<DocumentLayout> layout_;
    const Document* doc_ = nullptr;
    const Content* content_ = nullptr;
    float width_ = 0;
    int font_generation_ = -1;
    int layout_count_ = 0;
    int highlight_ = -1;
};

} // namespace ck::ui
