#include "widgets/video_player.h"
#include <glad/gl.h>
#include <mpv/client.h>
#include <mpv/render_gl.h>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace ck::ui {

namespace {

// Frames larger than this are scaled by mpv while rendering: the column is
// at most about this wide on any kiosk screen.
constexpr int kMaxTextureSide = 1920;

enum Observed : uint64_t { kTimePos = 1, kDuration, kPause, kEof, kWidth, kHeight, kDropped, kDecoderDropped };

void* GetProcAddress(void* ctx, const char* name)
{
    return reinterpret_cast<void* (*)(const char*)>(ctx)(name);
}

// The clip's context current for a scope; with none, the window's stays.
class InContext {
public:
    explicit InContext(SideGlContext* context) : context_(context), ok_(!context || context->Enter()) {}
    ~InContext()
    {
        if (context_ && ok_)
            context_->Leave();
    }
    InContext(const InContext&) = delete;
    InContext& operator=(const InContext&) = delete;
    bool Ok() const { return ok_; }

private:
    SideGlContext* context_;
    bool ok_;
};

} // namespace

VideoPlayer::VideoPlayer(ProcAddress proc_address, MakeSideGlContext make_context, std::function<void()> wake)
    : proc_address_(proc_address), make_context_(std::move(make_context)), wake_(std::move(wake))
{
}

VideoPlayer::~VideoPlayer() { Stop(); }

void VideoPlayer::Fail(const std::string& why)
{
    failed_ = true;
    error_ = why;
}

// Only what plays a clip into our texture: no window, no input, no OSD,
// no scripts, no config files, no subtitles (captions are the kiosk's).
bool VideoPlayer::Configure()
{
    static const char* const kOptions[][2] = {
        {"config", "no"},         {"load-scripts", "no"},      {"terminal", "no"},      {"vo", "libmpv"},
        {"hwdec", "auto-safe"},   {"osc", "no"},               {"osd-level", "0"},      {"ytdl", "no"},
        {"input-default-bindings", "no"}, {"input-vo-keyboard", "no"}, {"input-cursor", "no"},
        {"sub-auto", "no"},       {"sid", "no"},               {"audio-file-auto", "no"},
        {"keep-open", "yes"},     {"idle", "yes"},             {"audio-display", "no"},
    };
    for (const auto& option : kOptions)
        if (mpv_set_option_string(mpv_, option[0], option[1]) < 0)
            return false;
    return mpv_initialize(mpv_) >= 0;
}

bool VideoPlayer::StartRenderer()
{
    mpv_opengl_init_params gl{GetProcAddress, reinterpret_cast<void*>(proc_address_)};
    int advanced = 0;
    mpv_render_param params[] = {
        {MPV_RENDER_PARAM_API_TYPE, const_cast<char*>(MPV_RENDER_API_TYPE_OPENGL)},
        {MPV_RENDER_PARAM_OPENGL_INIT_PARAMS, &gl},
        {MPV_RENDER_PARAM_ADVANCED_CONTROL, &advanced},
        {MPV_RENDER_PARAM_INVALID, nullptr},
    };
    if (mpv_render_context_create(&render_, mpv_, params) < 0) {
        render_ = nullptr;
        return false;
    }
    // Called on mpv's threads: only wake the loop, which renders on its own thread.
    mpv_render_context_set_update_callback(
        render_, [](void* self) { static_cast<VideoPlayer*>(self)->wake_(); }, this);
    mpv_set_wakeup_callback(mpv_, [](void* self) { static_cast<VideoPlayer*>(self)->wake_(); }, this);
    return true;
}

bool VideoPlayer::Open(const std::string& path, bool sound)
{
    Stop();
    failed_ = false;
    error_.clear();
    if (!proc_address_) {
        Fail("no OpenGL context to draw into");
        return false;
    }
    mpv_ = mpv_create();
    if (!mpv_ || !Configure()) {
        Fail("libmpv did not start");
        return false;
    }
    mpv_set_option_string(mpv_, "mute", sound ? "no" : "yes");
    // Loaded paused, and let go once the first frame is on screen: its
    // render compiles mpv's shaders and its draw the window's shader for the
    // new texture (tens of milliseconds each on a software renderer), and a
    // clock already running would drop the frames due meanwhile.
    mpv_set_option_string(mpv_, "pause", "yes");
    start_ = Start::FirstFrame;
    if (make_context_)
        context_ = make_context_();
    InContext gl(context_.get());
    if (!gl.Ok() || !StartRenderer()) {
        Fail("libmpv's OpenGL renderer did not start");
        return false;
    }
    mpv_observe_property(mpv_, kTimePos, "time-pos", MPV_FORMAT_DOUBLE);
    mpv_observe_property(mpv_, kDuration, "duration", MPV_FORMAT_DOUBLE);
    mpv_observe_property(mpv_, kPause, "pause", MPV_FORMAT_FLAG);
    mpv_observe_property(mpv_, kEof, "eof-reached", MPV_FORMAT_FLAG);
    mpv_observe_property(mpv_, kWidth, "dwidth", MPV_FORMAT_INT64);
    mpv_observe_property(mpv_, kHeight, "dheight", MPV_FORMAT_INT64);
    mpv_observe_property(mpv_, kDropped, "frame-drop-count", MPV_FORMAT_INT64);
    mpv_observe_property(mpv_, kDecoderDropped, "decoder-frame-drop-count", MPV_FORMAT_INT64);
    const char* load[] = {"loadfile", path.c_str(), nullptr};
    if (mpv_command_async(mpv_, 0, load) < 0) {
        Fail("the file could not be opened");
        return false;
    }
    return true;
}

// mpv's render context, framebuffer and texture, in the context that made
// them; then that context itself.
void VideoPlayer::FreeRenderer()
{
    {
        InContext gl(context_.get());
        if (render_) {
            mpv_render_context_set_update_callback(render_, nullptr, nullptr);
            mpv_render_context_free(render_);
            render_ = nullptr;
        }
        if (gl.Ok() && fbo_ && glad_glDeleteFramebuffers)
            glDeleteFramebuffers(1, &fbo_);
        if (gl.Ok() && texture_ && glad_glDeleteTextures)
            glDeleteTextures(1, &texture_);
    }
    fbo_ = texture_ = 0;
    target_w_ = target_h_ = 0;
    context_.reset();
}

void VideoPlayer::Stop()
{
    // The renderer goes first, while its GL context can be made current;
    // then the handle, which joins mpv's decoder and output threads.
    FreeRenderer();
    if (mpv_) {
        mpv_set_wakeup_callback(mpv_, nullptr, nullptr);
        mpv_terminate_destroy(mpv_);
        mpv_ = nullptr;
    }
    width_ = height_ = 0;
    paused_ = ended_ = loaded_ = false;
    start_ = Start::Done;
    dropped_ = decoder_dropped_ = 0;
    position_ = duration_ = 0.0;
}

void VideoPlayer::Update()
{
    if (start_ == Start::Shown)
        SetPaused(false);
    while (mpv_) {
        mpv_event* event = mpv_wait_event(mpv_, 0);
        if (event->event_id == MPV_EVENT_NONE)
            break;
        switch (event->event_id) {
        case MPV_EVENT_FILE_LOADED: loaded_ = true; break;
        case MPV_EVENT_END_FILE: {
            const auto* end = static_cast<mpv_event_end_file*>(event->data);
            if (end->reason == MPV_END_FILE_REASON_ERROR)
                Fail(mpv_error_string(end->error));
            else if (!loaded_)
                Fail("the file has nothing to play");
            break;
        }
        case MPV_EVENT_PROPERTY_CHANGE: {
            const auto* property = static_cast<mpv_event_property*>(event->data);
            if (!property->data)
                break;
            switch (event->reply_userdata) {
            case kTimePos: position_ = *static_cast<double*>(property->data); break;
            case kDuration: duration_ = *static_cast<double*>(property->data); break;
            case kPause:
                if (start_ == Start::Done)
                    paused_ = *static_cast<int*>(property->data) != 0;
                break;
            case kEof: ended_ = *static_cast<int*>(property->data) != 0; break;
            case kWidth: width_ = int(*static_cast<int64_t*>(property->data)); break;
            case kHeight: height_ = int(*static_cast<int64_t*>(property->data)); break;
            case kDropped: dropped_ = long(*static_cast<int64_t*>(property->data)); break;
            case kDecoderDropped: decoder_dropped_ = long(*static_cast<int64_t*>(property->data)); break;
            }
            break;
        }
        default:
            break;
        }
    }
}

// A texture of `width` x `height` with a framebuffer around it, made again
// when the size changes (the clip drawn larger or smaller on screen).
bool VideoPlayer::EnsureTarget(int width, int height)
{
    if (texture_ && width == target_w_ && height == target_h_)
        return true;
    if (!texture_) {
        glGenTextures(1, &texture_);
        glGenFramebuffers(1, &fbo_);
    }
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    target_w_ = width;
    target_h_ = height;
    return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
}

bool VideoPlayer::Render(int fit_width, int fit_height)
{
    if (!render_ || failed_)
        return false;
    // mpv scales the frame to the size it is drawn at: every pixel it shades
    // is one on screen, and on a software renderer those pixels are most of
    // the cost of a playing clip. The box on screen already has the clip's
    // shape (the clip was probed at load), which is enough for a first frame
    // that may come before mpv reports the clip's own size; once it has, the
    // texture is never larger than the clip.
    int w = fit_width, h = fit_height;
    if (width_ > 0 && height_ > 0) {
        const int max_w = fit_width > 0 && fit_height > 0 ? fit_width : kMaxTextureSide;
        const int max_h = fit_width > 0 && fit_height > 0 ? fit_height : height_;
        const double scale = std::min({1.0, double(max_w) / width_, double(max_h) / height_});
        w = std::max(1, int(std::lround(width_ * scale)));
        h = std::max(1, int(std::lround(height_ * scale)));
    }
    // With no size yet, mpv's frame is left waiting: asking for it now would
    // take it and never draw it.
    if (w <= 0 || h <= 0)
        return false;
    if (!(mpv_render_context_update(render_) & MPV_RENDER_UPDATE_FRAME))
        return false;
    GLsync drawn = nullptr;
    {
        InContext gl(context_.get());
        if (!gl.Ok())
            return false;
        GLint previous = 0;   // restored for the window's context when mpv draws in it
        glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
        if (!EnsureTarget(w, h)) {
            glBindFramebuffer(GL_FRAMEBUFFER, GLuint(previous));
            Fail("no framebuffer to draw the clip into");
            return false;
        }
        mpv_opengl_fbo target{int(fbo_), w, h, 0};
        int flip = 0;   // ImGui draws textures top row first
        mpv_render_param params[] = {
            {MPV_RENDER_PARAM_OPENGL_FBO, &target},
            {MPV_RENDER_PARAM_FLIP_Y, &flip},
            {MPV_RENDER_PARAM_INVALID, nullptr},
        };
        mpv_render_context_render(render_, params);
        glBindFramebuffer(GL_FRAMEBUFFER, GLuint(previous));
        // Another context reads the texture: it waits on this fence, which
        // must be flushed to be seen there.
        if (context_) {
            drawn = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
            glFlush();
        }
    }
    if (drawn) {
        glWaitSync(drawn, 0, GL_TIMEOUT_IGNORED);
        glDeleteSync(drawn);
    }
    if (start_ == Start::FirstFrame) {
        start_ = Start::Shown;
        wake_();   // one more frame, once this one is shown, lets the clip go
    }
    return true;
}

void VideoPlayer::SetPaused(bool paused)
{
    if (!mpv_)
        return;
    int flag = paused ? 1 : 0;
    mpv_set_property_async(mpv_, 0, "pause", MPV_FORMAT_FLAG, &flag);
    paused_ = paused;
    start_ = Start::Done;   // the patient's choice stands over the start-up pause
}

void VideoPlayer::Restart()
{
    if (!mpv_)
        return;
    const char* seek[] = {"seek", "0", "absolute", nullptr};
    mpv_command_async(mpv_, 0, seek);
    SetPaused(false);
    ended_ = false;
}

void VideoPlayer::SetSound(bool on)
{
    if (!mpv_)
        return;
    int mute = on ? 0 : 1;
    mpv_set_property_async(mpv_, 0, "mute", MPV_FORMAT_FLAG, &mute);
}

} // namespace ck::ui
