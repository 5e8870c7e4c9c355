// VideoController: the kiosk's side of clips in pages. It owns the one
// VideoPlayer (one clip plays at a time), turns the document view's
// IntentKind::Video taps into play, pause, restart, captions and sound,
// stops the clip and frees its decoder when the patient leaves its page,
// changes language, is reset for idleness or a reload removes the clip, and
// fills the VideoOverlay each frame draws from: the frame, the controls'
// fade, the caption on screen. Watching counts as using the kiosk, as
// listening to read-aloud does.
#pragma once
#include "content/content.h"
#include "kiosk_platform.h"
#include "base/worker.h"
#include "session/session.h"
#include "widgets/video_player.h"
#include "widgets/video_view.h"
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ck {

class VideoController {
public:
    // `proc_address` null: no GL to draw into (tests), every clip shows its poster.
    void Start(KioskPlatform& platform, ui::VideoPlayer::ProcAddress proc_address);
    // A tap on a clip (Intent::text the clip's key, value a ui::VideoButton).
    // True when it started a clip (read-aloud must stop).
    bool Apply(const Intent& intent, const Content& content, const Session& session, double now);
    void Stop();
    // Once per frame, before drawing: mpv's events, the caption, the fade,
    // and stopping when the patient left. True when the screen must be drawn again.
    bool Follow(Session& session, const Content& content, double now);
    // Renders mpv's newest frame into the texture at the size of `rect`,
    // where the clip was last drawn (ScreenReport::video_rect); true when it
    // changed (the platform must then present even an identical draw list).
    bool RenderFrame(const float rect[4]);
    // Clips in view with no poster (ScreenReport::first_frames_wanted): their
    // first frames are decoded on workers, each once per content.
    void WantFirstFrames(const std::vector<std::string>& keys, const Content& content);
    // For a screenshot: whether first frames are still being decoded, and
    // waiting for them (the next frame then shows them).
    bool DecodingFirstFrames() const { return !first_frame_jobs_.empty(); }
    void WaitForFirstFrames() const;
    // New content, before the old is freed: the playing clip goes on if the
    // new content still shows it (its captions taken from the new content),
    // else it stops; which clips failed is forgotten.
    void OnContent(const Content& content);

    const ui::VideoOverlay& Overlay() const { return overlay_; }
    bool Playing() const { return player_ && player_->Playing(); }
    bool Active() const { return player_ && player_->Active(); }
    // Seconds until the controls' fade needs a frame (1e9 when none).
    double SecondsToWait(double now) const;
    // The status file's lines: "video KEY playing 1.2" (or paused, ended,
    // failed; "video off"), "caption TEXT" (lines joined by '/') and
    // "video-rect X0 Y0 X1 Y1" (`rect`, the picture on screen, whole pixels)
    // and, while a clip is open, "video-dropped N" (frames dropped so far).
    std::string Status(const float rect[4]) const;
    // A script's condition: "video playing|paused|ended|failed|off" (the
    // clip's state), "caption TEXT" (TEXT is part of the caption on screen).
    bool Holds(const std::string& condition) const;
    // How far each clip got, for insights: called with the clip's key and
    // the quarter (1..4) it passed, once per play and quarter; 0 = a play began.
    std::function<void(const std::string& key, int quarter)> on_progress;

private:
    const char* State() const;
    void Open(const VideoData& video, const Session& session, double now);
    void ShowControls(double now) { controls_at_ = now; }
    void UseWords(const Content& content, const std::string& lang);   // the overlay's words in `lang`

    bool TakeFirstFrames();

    KioskPlatform* platform_ = nullptr;
    std::map<std::string, WorkerFuture<std::shared_ptr<ImageData>>> first_frame_jobs_;
    std::set<std::string> first_frames_asked_;   // started for this content, done or not
    std::unique_ptr<ui::VideoPlayer> player_;
    ui::VideoOverlay overlay_;
    const Captions* captions_ = nullptr;   // of the playing clip in the page's language, in the current Content
    std::string lang_, path_;              // the language it plays in, its file
    std::string place_;                    // the route and language it plays in: leaving stops it
    double controls_at_ = -1e9;            // when the controls were last shown
    int quarter_ = 0;                      // the last quarter reported for this play
    int fit_w_ = 0, fit_h_ = 0;            // the clip's size on screen, pixels (0: not drawn yet)
    bool sound_default_ = false;
    const Content* words_content_ = nullptr;   // the overlay's words are of this content and language
    std::string words_lang_;
};

} // namespace ck
