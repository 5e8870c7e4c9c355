// VideoController. See video_controller.h.
#include "video_controller.h"
#include "base/guard.h"
#include "media/media_probe.h"
#include <algorithm>
#include <cmath>

namespace ck {

namespace {

constexpr double kControlsSeconds = 3.0;   // shown after a tap while playing ...
constexpr double kFadeSeconds = 0.6;       // ... then fading out

std::string Place(const Session& session)
{
    return SessionScreenName(session) + "|" + session.Language() + "|" + std::to_string(session.ResetCount());
}

} // namespace

void VideoController::Start(KioskPlatform& platform, ui::VideoPlayer::ProcAddress proc_address)
{
    platform_ = &platform;
    KioskPlatform* window = &platform;
    player_ = std::make_unique<ui::VideoPlayer>(
        proc_address, [window] { return window->MakeSideGlContext(); }, [window] { window->Wake(); });
}

void VideoController::Open(const VideoData& video, const Session& session, double now)
{
    overlay_.key = video.key;
    overlay_.failed = false;
    overlay_.texture = 0;
    overlay_.captions = true;   // each play starts with captions on and the clinic's sound setting
    overlay_.sound = sound_default_;
    captions_ = video.CaptionsFor(session.Language());
    lang_ = session.Language();
    path_ = video.path;
    place_ = Place(session);
    quarter_ = 0;
    fit_w_ = fit_h_ = 0;
    ShowControls(now - kControlsSeconds - kFadeSeconds);   // a fresh start shows the picture, not the buttons
    if (!player_->Open(video.path, overlay_.sound)) {
        overlay_.failed = true;
        overlay_.broken.insert(video.key);
    }
    if (on_progress)
        on_progress(video.key, 0);
}

bool VideoController::Apply(const Intent& intent, const Content& content, const Session& session, double now)
{
    if (intent.kind != IntentKind::Video || !player_)
        return false;
    sound_default_ = content.config.video_sound;
    const VideoData* video = content.Video(intent.text);
    if (!video)
        return false;
    const auto button = static_cast<ui::VideoButton>(intent.value);
    if (button == ui::VideoButton::Play || overlay_.key != video->key) {
        Open(*video, session, now);
        return true;
    }
    switch (button) {
    case ui::VideoButton::Controls:
        // A tap shows the controls; a tap while they show hides them.
        ShowControls(overlay_.controls > 0.5f && player_->Playing() ? now - kControlsSeconds - kFadeSeconds : now);
        break;
    case ui::VideoButton::Pause: player_->SetPaused(true); ShowControls(now); break;
    case ui::VideoButton::Resume:
        if (player_->Ended())
            player_->Restart();
        else
            player_->SetPaused(false);
        ShowControls(now);
        break;
    case ui::VideoButton::Restart: player_->Restart(); quarter_ = 0; ShowControls(now); break;
    case ui::VideoButton::Captions: overlay_.captions = !overlay_.captions; ShowControls(now); break;
    case ui::VideoButton::Sound:
        overlay_.sound = !overlay_.sound;
        player_->SetSound(overlay_.sound);
        ShowControls(now);
        break;
    default: break;
    }
    return false;
}

void VideoController::Stop()
{
    if (player_)
        player_->Stop();
    overlay_.key.clear();
    overlay_.texture = 0;
    overlay_.failed = false;
    overlay_.caption.clear();
    captions_ = nullptr;
    place_.clear();
}

void VideoController::WantFirstFrames(const std::vector<std::string>& keys, const Content& content)
{
    for (const std::string& key : keys) {
        const VideoData* video = content.Video(key);
        if (!video || !platform_ || !first_frames_asked_.insert(key).second)
            continue;
        const std::string path = video->path;
        KioskPlatform* platform = platform_;
        first_frame_jobs_.emplace(key, StartWorker<std::shared_ptr<ImageData>>(
                                           [path, key] {
                                               return Guarded("decoding a clip's first frame", "it shows no poster",
                                                              [&] {
                                                                  std::string error;
                                                                  return DecodeFirstFrame(path, key, 1280, &error);
                                                              },
                                                              std::shared_ptr<ImageData>());
                                           },
                                           [platform] { platform->Wake(); }));
    }
}

void VideoController::WaitForFirstFrames() const
{
    for (const auto& [key, job] : first_frame_jobs_)
        job.wait();
}

bool VideoController::TakeFirstFrames()
{
    bool taken = false;
    for (auto job = first_frame_jobs_.begin(); job != first_frame_jobs_.end();) {
        if (!job->second.Ready()) {
            ++job;
            continue;
        }
        if (std::shared_ptr<ImageData> frame = job->second.get()) {
            overlay_.first_frames[job->first] = std::move(frame);
            taken = true;
        }
        job = first_frame_jobs_.erase(job);
    }
    return taken;
}

void VideoController::OnContent(const Content& content)
{
    // First frames are of the old files: made again when wanted. The
    // texture cache frees their textures with the old content's.
    first_frame_jobs_.clear();   // joins any still decoding
    first_frames_asked_.clear();
    overlay_.first_frames.clear();
    sound_default_ = content.config.video_sound;
    overlay_.broken.clear();   // staff may have replaced a clip that failed
    // A reload that keeps the clip (at the same file) lets it play on, with
    // the new content's captions; one that removes or moves it stops it.
    const VideoData* video = overlay_.key.empty() ? nullptr : content.Video(overlay_.key);
    if (!video || video->path != path_) {
        Stop();
        return;
    }
    captions_ = video->CaptionsFor(lang_);
    if (overlay_.failed)
        overlay_.broken.insert(overlay_.key);
}

void VideoController::UseWords(const Content& content, const std::string& lang)
{
    if (&content == words_content_ && lang == words_lang_)
        return;
    words_content_ = &content;
    words_lang_ = lang;
    ui::VideoOverlay& o = overlay_;
    const std::pair<std::string*, const char*> words[] = {
        {&o.cannot_play, "video_cannot_play"}, {&o.play, "video_play"},         {&o.pause, "video_pause"},
        {&o.resume, "video_resume"},           {&o.restart, "video_restart"},   {&o.captions_on, "video_captions_on"},
        {&o.captions_off, "video_captions_off"}, {&o.sound_on, "video_sound_on"}, {&o.sound_off, "video_sound_off"},
    };
    for (const auto& [text, key] : words)
        *text = UiString(content, lang, key);
}

bool VideoController::Follow(Session& session, const Content& content, double now)
{
    sound_default_ = content.config.video_sound;
    UseWords(content, session.Language());
    const bool new_first_frame = TakeFirstFrames();
    if (overlay_.key.empty())
        return new_first_frame;
    // A clip that failed stays "failed" on its page only; leaving forgets it.
    if (Place(session) != place_ || session.Idle() != IdleState::Active || !content.Video(overlay_.key)) {
        Stop();
        return true;
    }
    if (!player_ || !player_->Active())
        return new_first_frame;
    player_->Update();
    // A picture opened full screen hides the clip: it waits, paused, for the
    // patient to come back to it (Play goes on from there).
    if (!session.ShownPicture().empty() && player_->Playing())
        player_->SetPaused(true);
    const ui::VideoOverlay before = overlay_;
    if (player_->Failed() && !overlay_.failed) {
        overlay_.failed = true;
        overlay_.broken.insert(overlay_.key);
        player_->Stop();   // its poster and the calm message; the decoder is freed now
    }
    overlay_.playing = player_->Playing();
    overlay_.position = player_->Position();
    overlay_.duration = player_->Duration();
    const double shown = now - controls_at_;
    overlay_.controls = !overlay_.playing && !overlay_.failed ? 1.0f
                        : shown < kControlsSeconds      ? 1.0f
                                                        : float(std::max(0.0, 1.0 - (shown - kControlsSeconds) / kFadeSeconds));
    overlay_.caption = captions_ && overlay_.captions ? captions_->TextAt(int(std::lround(overlay_.position * 1000)))
                                                      : std::string();
    if (overlay_.playing) {
        session.NoteInput(now);   // someone watching is using the kiosk
        if (overlay_.duration > 0 && on_progress) {
            const int quarter = std::min(4, int(std::floor(overlay_.position / overlay_.duration * 4 + 1e-6)));
            for (; quarter_ < quarter; quarter_++)
                on_progress(overlay_.key, quarter_ + 1);
        }
    } else if (player_->Ended() && on_progress) {
        for (; quarter_ < 4; quarter_++)
            on_progress(overlay_.key, quarter_ + 1);
    }
    return overlay_.controls != before.controls || overlay_.caption != before.caption
           || overlay_.playing != before.playing || overlay_.failed != before.failed;
}

bool VideoController::RenderFrame(const float rect[4])
{
    const int w = int(std::lround(rect[2] - rect[0])), h = int(std::lround(rect[3] - rect[1]));
    if (w > 0 && h > 0) {   // scrolled out of sight, the clip keeps the size it was last drawn at
        fit_w_ = w;
        fit_h_ = h;
    }
    if (!player_ || !player_->Active() || !player_->Render(fit_w_, fit_h_))
        return false;
    overlay_.texture = player_->Texture();
    overlay_.width = player_->TextureWidth();
    overlay_.height = player_->TextureHeight();
    return true;
}

double VideoController::SecondsToWait(double now) const
{
    if (!Active() || !player_->Playing())
        return 1e9;
    const double fade_end = controls_at_ + kControlsSeconds + kFadeSeconds;
    return now < fade_end ? std::min(0.05, fade_end - now) : 1e9;
}

const char* VideoController::State() const
{
    if (overlay_.key.empty())
        return "off";
    return overlay_.failed ? "failed" : player_->Ended() ? "ended" : player_->Playing() ? "playing" : "paused";
}

bool VideoController::Holds(const std::string& condition) const
{
    if (condition.rfind("video ", 0) == 0)
        return condition.substr(6) == State();
    const std::string text = condition.substr(condition.find(' ') + 1);
    return !overlay_.caption.empty() && overlay_.caption.find(text) != std::string::npos;
}

std::string VideoController::Status(const float rect[4]) const
{
    std::string where = "video-rect";
    for (int i = 0; i < 4; i++)
        where += " " + std::to_string(std::lround(rect[i]));
    where += "\n";
    if (overlay_.key.empty())
        return "video off\ncaption \n" + where;
    const char* state = State();
    char position[32];
    std::snprintf(position, sizeof position, "%.2f", overlay_.position);
    std::string caption = overlay_.caption;
    std::replace(caption.begin(), caption.end(), '\n', '/');
    return "video " + overlay_.key + " " + state + " " + position + "\ncaption " + caption + "\n" + where
           + "video-dropped " + std::to_string(player_->DroppedFrames()) + "\n";
}

} // namespace ck
