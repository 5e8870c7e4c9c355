// Clips in a document: the box a Video block takes (its picture and the
// caption band under it), and drawing it from the player's VideoOverlay:
// the poster with a large play button, the playing frame, the controls a
// tap shows, the captions in the kiosk's own fonts on a dark band, and a
// calm message for a clip that cannot be played.
#include "widgets/document_builder.h"
#include "widgets/icons.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace {

// The band and controls are dark in every theme: white on this is 18:1,
// well past the 7:1 captions need.
const Rgb kBand = {0.08f, 0.08f, 0.08f};
const Rgb kOnBand = {1.0f, 1.0f, 1.0f};
constexpr float kCaptionLines = 2.0f;   // room kept under the picture, so text below never moves
constexpr float kCaptionSpacing = 1.25f;

struct ControlRects {
    float play_cx = 0, play_cy = 0, play_r = 0;   // the poster's play button
    float bar_x0 = 0, bar_y0 = 0, bar_x1 = 0, bar_y1 = 0;
    struct Button {
        VideoButton what;
        float x0, y0, x1, y1;
    };
    Button buttons[4];
};

// Where the controls of `box` go, in document coordinates.
ControlRects Controls(const VideoBox& box, const VideoOverlay* video, float target)
{
    ControlRects r;
    const float w = box.x1 - box.x0, h = box.y1 - box.y0;
    r.play_r = std::round(std::min(h * 0.22f, target * 1.3f));
    r.play_cx = std::round(box.x0 + w * 0.5f);
    r.play_cy = std::round(box.y0 + h * 0.5f);
    const float pad = std::round(target * 0.25f);
    const float side = std::floor(std::clamp(target * 1.2f, 1.0f, std::min((w - 5 * pad) / 4, h * 0.45f)));
    const float row_y = box.y1 - pad - side;
    const bool paused = video && !video->playing;
    const VideoButton order[4] = {paused ? VideoButton::Resume : VideoButton::Pause, VideoButton::Restart,
                                  VideoButton::Captions, VideoButton::Sound};
    for (int i = 0; i < 4; i++) {
        const float x = box.x0 + pad + i * (side + pad);
        r.buttons[i] = {order[i], x, row_y, x + side, row_y + side};
    }
    r.bar_x0 = box.x0 + pad;
    r.bar_x1 = box.x1 - pad;
    r.bar_y1 = row_y - pad;
    r.bar_y0 = r.bar_y1 - std::max(6.0f, std::round(target * 0.15f));
    return r;
}

const char* IconOf(VideoButton what, const VideoOverlay& video)
{
    switch (what) {
    case VideoButton::Pause: return "pause";
    case VideoButton::Resume: return "play";
    case VideoButton::Restart: return "replay";
    case VideoButton::Captions: return video.captions ? "captions" : "captions-off";
    case VideoButton::Sound: return video.sound ? "speaker" : "sound-off";
    default: return "play";
    }
}

// What pressing it does, said as its label (scripts press buttons by it).
const std::string& LabelOf(VideoButton what, const VideoOverlay& video)
{
    switch (what) {
    case VideoButton::Pause: return video.pause;
    case VideoButton::Resume: return video.resume;
    case VideoButton::Restart: return video.restart;
    case VideoButton::Captions: return video.captions ? video.captions_off : video.captions_on;
    case VideoButton::Sound: return video.sound ? video.sound_off : video.sound_on;
    default: return video.play;
    }
}

// The lines of `text` broken to `width` with ImGui's word wrap.
std::vector<std::string> WrapLines(ImFont* font, const std::string& text, float width)
{
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const char* s = text.data() + start;
        const char* e = text.data() + end;
        while (s < e) {
            const char* cut = font->CalcWordWrapPositionA(1.0f, s, e, width);
            if (cut == s)
                cut = s + 1;
            lines.emplace_back(s, cut);
            s = cut;
            while (s < e && *s == ' ')
                s++;
        }
        start = end + 1;
    }
    return lines;
}

void CentredLines(ImDrawList* draw, ImFont* font, const std::vector<std::string>& lines, float cx, float y,
                  float line_h, unsigned colour)
{
    for (const std::string& line : lines) {
        const float w = font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, line.c_str(), line.c_str() + line.size()).x;
        draw->AddText(font, font->FontSize, ImVec2(std::round(cx - w * 0.5f), std::round(y)), colour, line.c_str(),
                      line.c_str() + line.size());
        y += line_h;
    }
}

// A picture fitted inside (a, b), centred, keeping its shape.
void FitImage(ImDrawList* draw, unsigned texture, int width, int height, ImVec2 a, ImVec2 b)
{
    if (texture == 0 || width <= 0 || height <= 0)
        return;
    const float scale = std::min((b.x - a.x) / width, (b.y - a.y) / height);
    float w = width * scale, h = height * scale;
    if (b.x - a.x - w < 2.0f)   // the box was made to the picture's shape: no sliver of band at an edge
        w = b.x - a.x;
    if (b.y - a.y - h < 2.0f)
        h = b.y - a.y;
    const ImVec2 p(std::round(a.x + (b.x - a.x - w) * 0.5f), std::round(a.y + (b.y - a.y - h) * 0.5f));
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)), p, ImVec2(p.x + w, p.y + h));
}

} // namespace

namespace layout_detail {

void Builder::LayoutVideo(const Block& video, float x, float width)
{
    VideoBox box;
    box.video_key = video.video_key;
    box.poster_key = video.image_key;
    box.alt = video.alt;
    float aspect = 9.0f / 16.0f;   // what clinics export; a poster says otherwise
    if (ctx_.content && !video.image_key.empty())
        if (const ImageData* poster = ctx_.content->Image(video.image_key); poster && poster->width > 0)
            aspect = std::clamp(float(poster->height) / poster->width, 0.3f, 1.5f);
    box.x0 = x;
    box.x1 = x + width;
    box.y0 = y_;
    box.y1 = y_ + std::floor(width * aspect);
    box.band_y1 = box.y1 + std::round(metrics_.body * (kCaptionLines * kCaptionSpacing + 0.8f));
    y_ = box.band_y1;
    out_->videos.push_back(std::move(box));
}

} // namespace layout_detail

void DocumentView::DrawVideos(ImDrawList* draw, float origin_x, float origin_y, float clip_min_y, float clip_max_y,
                              const ViewContext& ctx) const
{
    static const VideoOverlay kIdle;
    const VideoOverlay& video = ctx.video ? *ctx.video : kIdle;
    ImFont* body = ctx.fonts->Get(FontRole::Body);
    const Theme& theme = ctx.theme ? *ctx.theme : DefaultTheme();
    for (const VideoBox& box : layout_->videos) {
        if (origin_y + box.band_y1 < clip_min_y || origin_y + box.y0 > clip_max_y)
            continue;
        const ImVec2 a(origin_x + box.x0, origin_y + box.y0), b(origin_x + box.x1, origin_y + box.y1);
        const bool active = !box.video_key.empty() && video.key == box.video_key;
        const bool broken = box.video_key.empty() || video.broken.count(box.video_key) || (active && video.failed);
        draw->AddRectFilled(a, b, PackColour(kBand));
        if (active && !broken && ctx.playing_rect)
            *ctx.playing_rect = {box.video_key, a.x, a.y, b.x, b.y};   // the size mpv renders at, from its first frame
        if (active && !broken && video.texture != 0) {
            FitImage(draw, video.texture, video.width, video.height, a, b);
        } else if (!box.poster_key.empty() && ctx.textures && ctx.content) {
            const Texture poster = ctx.textures->Get(*ctx.content, box.poster_key);
            FitImage(draw, poster.id, poster.width, poster.height, a, b);
        } else if (auto frame = video.first_frames.find(box.video_key); frame != video.first_frames.end()) {
            if (ctx.textures && frame->second) {
                const Texture first = ctx.textures->GetPixels(*frame->second);
                FitImage(draw, first.id, first.width, first.height, a, b);
            }
        } else if (ctx.wanted_frames && !box.video_key.empty()) {
            ctx.wanted_frames->push_back(box.video_key);   // no poster: its first frame, decoded on a worker
        }
        const ControlRects r = Controls(box, &video, ctx.target);
        const float line_h = std::round(body->FontSize * kCaptionSpacing);
        const float text_w = box.x1 - box.x0 - 2 * std::round(ctx.target * 0.25f);
        if (broken) {
            // A calm note over the poster, never an error screen.
            const std::vector<std::string> lines = WrapLines(body, video.cannot_play, text_w);
            const float h = line_h * lines.size() + line_h;
            const float y = std::round((a.y + b.y - h) * 0.5f);
            draw->AddRectFilled(ImVec2(a.x, y), ImVec2(b.x, y + h), PackColour(kBand, 0.85f));
            CentredLines(draw, body, lines, (a.x + b.x) * 0.5f, y + line_h * 0.5f, line_h, PackColour(kOnBand));
        } else if (!active) {
            const ImVec2 c(origin_x + r.play_cx, origin_y + r.play_cy);
            draw->AddCircleFilled(c, r.play_r, PackColour(kBand, 0.8f), 48);
            draw->AddCircle(c, r.play_r, PackColour(kOnBand), 48, std::max(2.0f, r.play_r * 0.06f));
            DrawIcon(draw, "play", c.x + r.play_r * 0.08f, c.y, r.play_r * 1.3f, PackColour(kOnBand), 0);
            if (ctx.labelled && c.y > clip_min_y && c.y < clip_max_y)   // scripts press what a finger can reach
                ctx.labelled->push_back({video.play, a.x, std::max(a.y, clip_min_y), b.x, std::min(b.y, clip_max_y)});
        } else if (video.controls > 0.01f) {
            const float alpha = std::clamp(video.controls, 0.0f, 1.0f);
            const float fraction = video.duration > 0 ? float(std::clamp(video.position / video.duration, 0.0, 1.0)) : 0;
            const ImVec2 bar0(origin_x + r.bar_x0, origin_y + r.bar_y0), bar1(origin_x + r.bar_x1, origin_y + r.bar_y1);
            draw->AddRectFilled(bar0, bar1, PackColour(kBand, 0.8f * alpha), (bar1.y - bar0.y) * 0.5f);
            draw->AddRectFilled(bar0, ImVec2(bar0.x + (bar1.x - bar0.x) * fraction, bar1.y),
                                PackColour(theme.accent, alpha), (bar1.y - bar0.y) * 0.5f);
            for (const ControlRects::Button& button : r.buttons) {
                const ImVec2 p0(origin_x + button.x0, origin_y + button.y0), p1(origin_x + button.x1, origin_y + button.y1);
                draw->AddRectFilled(p0, p1, PackColour(kBand, 0.85f * alpha), (p1.x - p0.x) * 0.18f);
                DrawIcon(draw, IconOf(button.what, video), (p0.x + p1.x) * 0.5f, (p0.y + p1.y) * 0.5f,
                         (p1.x - p0.x) * 0.7f, PackColour(kOnBand, alpha), 0);
                if (ctx.labelled && p0.y > clip_min_y && p1.y < clip_max_y)
                    ctx.labelled->push_back({LabelOf(button.what, video), p0.x, p0.y, p1.x, p1.y});
            }
        }
        // Under the picture: the caption on screen while this clip plays,
        // else the description, as under a picture.
        const ImVec2 band0(a.x, b.y), band1(b.x, origin_y + box.band_y1);
        if (active && !broken && video.captions) {
            draw->AddRectFilled(band0, band1, PackColour(kBand));
            if (!video.caption.empty())
                CentredLines(draw, body, WrapLines(body, video.caption, text_w), (a.x + b.x) * 0.5f,
                             band0.y + std::round(body->FontSize * 0.4f), line_h, PackColour(kOnBand));
        } else if (!box.alt.empty()) {
            ImFont* small = ctx.fonts->Get(FontRole::Small);
            CentredLines(draw, small, WrapLines(small, box.alt, text_w), (a.x + b.x) * 0.5f,
                         band0.y + std::round(small->FontSize * 0.4f), std::round(small->FontSize * 1.3f),
                         PackColour(theme.text_muted));
        }
    }
}

bool DocumentView::TapVideo(float x, float y, const ViewContext& ctx, std::vector<Intent>* intents) const
{
    for (const VideoBox& box : layout_->videos) {
        if (x < box.x0 || x >= box.x1 || y < box.y0 || y >= box.y1)
            continue;
        const VideoOverlay* video = ctx.video;
        if (!video || box.video_key.empty() || video->broken.count(box.video_key))
            return true;   // nothing to play: the tap does nothing else either
        VideoButton pressed = VideoButton::Play;
        if (video->key == box.video_key) {
            if (video->failed)
                return true;
            pressed = VideoButton::Controls;
            if (video->controls > 0.5f) {
                const ControlRects r = Controls(box, video, ctx.target);
                for (const ControlRects::Button& button : r.buttons)
                    if (x >= button.x0 && x < button.x1 && y >= button.y0 && y < button.y1)
                        pressed = button.what;
            }
        }
        if (intents)
            intents->push_back(Intent{IntentKind::Video, box.video_key, static_cast<int>(pressed)});
        return true;
    }
    return false;
}

} // namespace ck::ui
