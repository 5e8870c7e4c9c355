// What the kiosk needs of the window system, and nothing more. platform/
// answers it with GLFW and OpenGL; tests answer it with a fake that draws
// ImGui frames into nothing, so a whole kiosk runs without a display.
#pragma once
#include "session/script.h"   // PointerEvent
#include "widgets/side_gl_context.h"
#include <memory>
#include <string>
#include <vector>

struct ImFontAtlas;

namespace ck {

class KioskPlatform {
public:
    virtual ~KioskPlatform() = default;

    // The kiosk keeps running unless the window is closable and was closed.
    virtual bool ShouldClose() const = 0;
    // Blocks until an event arrives or `timeout` seconds pass; true if any
    // input or window event was seen since the last call.
    virtual bool WaitEvents(double timeout) = 0;
    virtual bool PollEvents() = 0;
    // Ends a WaitEvents early. Any thread may call it: workers do, when what
    // they finished changes the screen.
    virtual void Wake() = 0;
    // Presses, moves while pressed and releases since the last call, each
    // with its own position and time.
    virtual std::vector<PointerEvent> TakePointerEvents() = 0;

    virtual void BeginFrame() = 0;                            // ImGui::NewFrame and what it needs
    // ImGui::Render and drawing. Unless `always`, a frame identical to the
    // one on screen is neither drawn nor presented again: the frames drawn
    // after an event to let it settle cost nothing when nothing moved.
    virtual void RenderFrame(float r, float g, float b, bool always) = 0;
    virtual void Present() = 0;
    // Uploads the context's font atlas again (after Fonts::Build, outside a frame).
    virtual void ReloadFontTexture() = 0;
    // Between frames: makes `atlas` (made with IM_NEW) the context's and
    // deletes the one before.
    virtual void ReplaceFontAtlas(ImFontAtlas* atlas) = 0;

    virtual int Width() const = 0;        // the drawing area in pixels
    virtual int Height() const = 0;
    virtual float Dpi() const = 0;        // physical pixels per inch (96 if unknown)
    virtual double Now() const = 0;       // monotonic seconds
    // RGBA8 pixels of the frame just rendered, top row first.
    virtual bool ReadPixels(std::vector<unsigned char>* rgba) const = 0;
    // The GL context's function loader, for a renderer that draws into it
    // (clips); null when there is no GL context (tests' fake platform).
    using GlLoader = void* (*)(const char* name);
    virtual GlLoader GlProcAddress() const { return nullptr; }
    // A context sharing the window's textures, for a renderer with shaders
    // of its own (see ui::SideGlContext); null when there is none to make.
    virtual std::unique_ptr<ui::SideGlContext> MakeSideGlContext() { return nullptr; }
};

} // namespace ck
