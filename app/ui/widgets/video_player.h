// One clip playing through libmpv's render API into a texture of the
// kiosk's own GL context, which the document view draws like a picture.
// mpv decodes and keeps time on its own threads; it tells us a frame or an
// event is ready through `wake` (from any of its threads), and Render and
// Update, on the thread that owns the GL context, take them. Nothing is
// rendered unless mpv says a new frame is due, so a paused or stopped clip
// costs no CPU. mpv's window, input, on-screen display, scripts and config
// files are all off: the kiosk draws every control and caption itself.
#pragma once
#include <functional>
#include <string>

struct mpv_handle;
struct mpv_render_context;

namespace ck::ui {

class VideoPlayer {
public:
    // The GL function loader of the current context (glfwGetProcAddress).
    using ProcAddress = void* (*)(const char* name);

    VideoPlayer(ProcAddress proc_address, std::function<void()> wake);
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
    // Renders the frame mpv has ready, if any; true when the texture changed.
    bool Render();

    void SetPaused(bool paused);
    void Restart();
    void SetSound(bool on);

    unsigned Texture() const { return texture_; }
    int Width() const { return width_; }
    int Height() const { return height_; }
    bool Playing() const { return mpv_ && !paused_ && !ended_ && !failed_; }
    bool Paused() const { return paused_; }
    bool Ended() const { return ended_; }
    bool Failed() const { return failed_; }
    double Position() const { return position_; }   // seconds
    double Duration() const { return duration_; }
    // Frames mpv dropped (late for their time) or its decoder skipped, this play.
    long DroppedFrames() const;
    const std::string& Error() const { return error_; }

private:
    bool Configure();
    bool StartRenderer();
    void Fail(const std::string& why);
    bool EnsureTarget(int width, int height);

    ProcAddress proc_address_;
    std::function<void()> wake_;
    mpv_handle* mpv_ = nullptr;
    mpv_render_context* render_ = nullptr;
    unsigned fbo_ = 0, texture_ = 0;
    int width_ = 0, height_ = 0;
    bool paused_ = false, ended_ = false, failed_ = false, loaded_ = false;
    double position_ = 0.0, duration_ = 0.0;
    std::string error_;
};

} // namespace ck::ui
