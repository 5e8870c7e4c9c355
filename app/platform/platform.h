// Platform: the GLFW window, its GL 3.3 core context and the ImGui backends.
// Everything that knows about GLFW lives here: the kiosk reaches it through
// KioskPlatform (kiosk/kiosk_platform.h) and the screens only see ImGui. Two uses: the kiosk (full-screen on the primary monitor, cursor
// hidden, close requests ignored) and screenshots (a hidden window whose
// frames go into an offscreen framebuffer that is read back as a PNG).
#pragma once
#include "kiosk_platform.h"
#include <cstdint>
#include <string>
#include <vector>

struct GLFWmonitor;
struct GLFWwindow;
struct ImFontAtlas;

namespace ck {

struct PlatformOptions {
    bool windowed = false;      // a normal window instead of full screen (development)
    int width = 0;              // 0 = monitor size (full screen) or 1080x1920 (windowed)
    int height = 0;
    bool offscreen = false;     // screenshot: hidden window, frames drawn into an FBO
    std::string title = "CareKiosk";
};

class Platform final : public KioskPlatform {
public:
    Platform() = default;
    ~Platform() override;
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    // Creates the window, the GL context, the ImGui context and backends:
    // OpenWindow then StartImGui(nullptr).
    bool Open(const PlatformOptions& options, std::string* error);
    // The same in steps, for start-up. Connect reaches the display server,
    // after which PlannedSize tells the window size OpenWindow will ask for
    // (so the fonts can be built for it meanwhile); OpenWindow creates the
    // window and GL context; StartImGui creates the ImGui context and
    // backends around `atlas` (made with IM_NEW; the Platform deletes it
    // after the context) or, when null, a new empty one of its own.
    bool Connect(const PlatformOptions& options, std::string* error);
    void PlannedSize(int* width, int* height) const;
    bool OpenWindow(const PlatformOptions& options, std::string* error);
    bool StartImGui(ImFontAtlas* atlas);
    void Close();

    // The kiosk keeps running unless the window is closable (windowed mode)
    // and someone closed it or pressed Escape / Ctrl+Q.
    bool ShouldClose() const override;
    // Blocks until an event arrives or `timeout` seconds pass; returns true if
    // any input or window event was seen since the last call.
    bool WaitEvents(double timeout) override;
    bool PollEvents() override;
    // Left-button presses, moves while pressed, and releases since the last
    // call, each with the position and time it happened (GLFW callbacks), so
    // a gesture shorter than a frame keeps its shape.
    std::vector<PointerEvent> TakePointerEvents() override;

    void BeginFrame() override;                           // backends + ImGui::NewFrame()
    // Clears to the colour and draws ImGui's frame, unless it is the frame on
    // screen already (a window only; offscreen frames are always drawn).
    void RenderFrame(float r, float g, float b, bool always) override;
    void Present() override;   // swap (kiosk) or finish (offscreen); nothing after a frame not drawn
    // Re-creates the font atlas texture after Fonts::Build (outside a frame).
    void ReloadFontTexture() override;
    // Between frames: makes `atlas` (built, made with IM_NEW) the context's,
    // deletes the one before and uploads the new one's texture. The caller
    // then points ImGui's default font into it (Fonts::UseAsDefault).
    void ReplaceFontAtlas(ImFontAtlas* atlas) override;

    void Wake() override;                       // glfwPostEmptyEvent: safe from any thread
    int Width() const override;                          // the drawing area in pixels
    int Height() const override;
    float Dpi() const override { return dpi_; }          // physical pixels per inch (96 if unknown)
    double Now() const override;                         // monotonic seconds

    // RGBA8 pixels of the frame just rendered, top row first. In a window,
    // call between RenderFrame and Present.
    bool ReadPixels(std::vector<unsigned char>* rgba) const override;
    GlLoader GlProcAddress() const override;
    std::unique_ptr<ui::SideGlContext> MakeSideGlContext() override;

private:
    bool CreateWindow(const PlatformOptions& options, std::string* error);
    void WindowSize(int* width, int* height, GLFWmonitor** monitor, int* refresh_rate) const;
    bool CreateFramebuffer(std::string* error);
    void MeasureDpi();

    GLFWwindow* window_ = nullptr;
    PlatformOptions options_;
    float dpi_ = 96.0f;
    bool imgui_ready_ = false;
    bool device_objects_ready_ = false;   // the GL3 backend's shaders and buffers
    unsigned int font_texture_ = 0;       // the atlas, one byte a pixel (ReloadFontTexture)
    unsigned fbo_ = 0, colour_rb_ = 0;
    bool glfw_ready_ = false;
    ImFontAtlas* font_atlas_ = nullptr;   // the context's atlas, always ours
    uint64_t shown_frame_ = 0;            // digest of the frame on screen (0 = must draw)
    bool drawn_ = true;                   // the last RenderFrame drew (so Present swaps)
};

} // namespace ck
