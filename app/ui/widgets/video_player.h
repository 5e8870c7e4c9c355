// One clip playing through libmpv's render API into a texture shared with
// the kiosk's GL context, which the document view draws like a picture.
// mpv renders in a side context of its own (ui::SideGlContext) made for the
// clip and destroyed with it, so its shaders leave nothing in the window's
// context; without one it renders in the window's context.
// mpv decodes and keeps time on its own threads; it tells us a frame or an
// event is ready through `wake` (from any of its threads), and Render and
// Update, on the thread that owns the GL context, take them. Nothing is
// rendered unless mpv says a new frame is due, so a paused or stopped clip
// costs no CPU. mpv's window, input, on-screen display, scripts and config
// files are all off: the kiosk draws every control and caption itself.
#pragma once
#include "widgets/side_gl_context.h"
#include <functional>
#include <memory>
#include <string>

struct mpv_handle;
struct mpv_render_context;

namespace ck::ui {

class VideoPlayer {
public:
    // The GL function loader of the current context (glfwGetProcAddress).
    using ProcAddress = void* (*)(const char* name);

    VideoPlayer(ProcAddress proc_address, MakeSideGlContext make_context, std::function<void()> wake);
    ~VideoPlayer();   // Stop()
    VideoPlayer(const VideoPlayer&) = delete;
    VideoPlayer& operator=(const VideoPlayer&) = delete;

    // Starts `path` from its beginning (any clip before is stopped). False,
    // with Failed() set, when libmpv or its GL renderer cannot start.
    bool Open(const std::string& path, bool sound);
    // Frees the decoder, its threads, the render context and the texture.
    void Stop();
    bool Active() const { return mpv_ != nullptr; }

    // Takes mpv's events (time, pause, end, errors) without waiting.
    void Update();
    // Renders the frame mpv has ready, if any, scaled to fit `fit_width` x
    // `fit_height` pixels (never enlarged; 0 = the clip's size, at most
    // 1920 wide); true when the texture changed.
    bool Render(int fit_width = 0, int fit_height = 0);

    void SetPaused(bool paused);
    void Restart();
    void SetSound(bool on);

    unsigned Texture() const { return texture_; }
    int TextureWidth() const { return target_w_; }
    int TextureHeight() const { return target_h_; }
    bool Playing() const { return mpv_ && !paused_ && !ended_ && !failed_; }
    bool Paused() const { return paused_; }
    bool Ended() const { return ended_; }
    bool Failed() const { return failed_; }
    double Position() const { return position_; }   // seconds
    double Duration() const { return duration_; }
    // Frames mpv dropped (late for their time) or its decoder skipped, this
    // play. Observed, never asked for: a synchronous property read waits for
    // mpv's core, which may itself be waiting for this thread to render.
    long DroppedFrames() const { return dropped_ + decoder_dropped_; }
    const std::string& Error() const { return error_; }

private:
    bool Configure();
    bool StartRenderer();
    void Fail(const std::string& why);
    bool EnsureTarget(int width, int height);
    void FreeRenderer();

    ProcAddress proc_address_;
    MakeSideGlContext make_context_;
    std::unique_ptr<SideGlContext> context_;   // mpv's, for one clip; null: the window's
    std::function<void()> wake_;
    mpv_handle* mpv_ = nullptr;
    mpv_render_context* render_ = nullptr;
    unsigned fbo_ = 0, texture_ = 0;   // the framebuffer in mpv's context, the texture shared
    int width_ = 0, height_ = 0;          // the clip's display size
    int target_w_ = 0, target_h_ = 0;     // the texture's
    bool paused_ = false, ended_ = false, failed_ = false, loaded_ = false;
    // Paused by us until the first frame is drawn, then until it is shown.
    enum class Start { Done, FirstFrame, Shown } start_ = Start::Done;
    double position_ = 0.0, duration_ = 0.0;
    long dropped_ = 0, decoder_dropped_ = 0;
    std::string error_;
};

} // namespace ck::ui
